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
import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the map subcommands share: --model, --input, --output; load, check and write with progress
 * on stderr. Outputs are checked to be writable before any work.
 */
abstract class MapCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--model", required = true, paramLabel = "M.zip", description = "Model file.")
	Path model;

	@Option(names = "--input", required = true, paramLabel = "IMG", description = "Image to map.")
	Path input;

	@Option(names = "--output", required = true, paramLabel = "OUT.tif",
		description = "TIFF to write.")
	Path output;

	/** The input's pixel size and units, given to outputs of its size. */
	private Calibration calibration;

	@Override
	public final Integer call() {
		AtomicFiles.requireTarget(output, "--output");
		checkOtherOutputs();
		final VaeModel m = ModelFile.load(model);
		final ImagePlus imp = ImageFiles.openImagePlus(input);
		calibration = imp.getCalibration();
		final TextureImage image = ImageFiles.wrap(imp, input);
		final MapProgress progress = new MapProgress(err(), System.console() != null, "computing " +
			spec.name() + " of " + image.name());
		compute(m, image, progress);
		return 0;
	}

	/** Checks outputs besides --output. */
	void checkOtherOutputs() {}

	abstract void compute(VaeModel m, TextureImage image, MapProgress progress);

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
