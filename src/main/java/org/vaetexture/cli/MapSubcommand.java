package org.vaetexture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import ij.measure.Calibration;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the map subcommands share: --model, --input, --output; load, compute through
 * {@link VaeTexture} with progress on stderr, and write. Outputs are checked to be writable before
 * any work.
 */
abstract class MapSubcommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	SharedOptions.Model model;

	@Mixin
	SharedOptions.Input input;

	@Mixin
	SharedOptions.Output output;

	/** The input's pixel size and units, given to outputs of its size. */
	private Calibration calibration;

	@Override
	public final Integer call() {
		AtomicFiles.requireTarget(output.file, "--output");
		checkOtherOutputs();
		final VaeModel m = VaeTexture.load(model.file);
		final ImagePlus imp = ImageFiles.openImagePlus(input.file);
		calibration = imp.getCalibration();
		final TextureImage image = ImageFiles.wrap(imp, input.file);
		final ConsoleMonitor monitor = new ConsoleMonitor(err(), "of " + image.name());
		compute(m, image, monitor);
		return 0;
	}

	/** Checks outputs besides --output. */
	void checkOtherOutputs() {}

	/** Computes the result and writes it; ends the monitor's last stage before writing. */
	abstract void compute(VaeModel m, TextureImage image, ConsoleMonitor monitor);

	PrintWriter err() {
		return spec.commandLine().getErr();
	}

	void write(final Img<FloatType> map, final int channels, final List<String> labels,
		final Path file, final String title)
	{
		save(ImageWriter.toImagePlus(map, channels, labels, title), file);
	}

	/** Writes an image of the input's size as a TIFF, with the input's calibration. */
	void save(final ImagePlus imp, final Path file) {
		if (calibration != null) imp.setCalibration(calibration);
		ImageWriter.saveTiff(imp, file);
		err().println("wrote " + file);
	}
}
