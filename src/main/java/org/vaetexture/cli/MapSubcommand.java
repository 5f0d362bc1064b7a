package org.vaetexture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import ij.measure.Calibration;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.chunked.ChunkTask;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.chunked.ChunkedMapJob;
import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;
import org.vaetexture.store.OmeZarr;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the map subcommands share: --model, --input, --output; load, compute through
 * {@link VaeTexture} with progress on stderr, and write. Outputs are checked to be writable before
 * any work. An input in a chunked store (OME-Zarr, Zarr, N5) is mapped chunk by chunk into an
 * OME-Zarr --output (a folder ending in .zarr), as is any input given such an output.
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

	@Mixin
	SharedOptions.Zarr zarr;

	@Mixin
	SharedOptions.Partition partition;

	/** The input's pixel size and units, given to outputs of its size. */
	private Calibration calibration;

	@Override
	public final Integer call() {
		if (OmeZarr.isChunkedStore(input.file) || isZarr(output.file)) return callChunked();
		for (final String option : new String[] { "--chunk", "--compression", "--partition" })
			if (spec.commandLine().getParseResult().hasMatchedOption(option)) throw new VaeTextureException(
				option + " is for OME-Zarr outputs; give an --output ending in .zarr, or leave it out");
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

	/** Whether a path names an OME-Zarr output (ends in .zarr). */
	static boolean isZarr(final Path file) {
		return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT)
			.endsWith(".zarr");
	}

	/** Maps an image into OME-Zarr, chunk by chunk, the whole of it or one --partition. */
	private int callChunked() {
		if (!isZarr(output.file)) throw new VaeTextureException("--output '" + output.file +
			"' does not end in .zarr; an OME-Zarr, Zarr or N5 input is mapped into an OME-Zarr folder");
		final int[] part = partition.parts();
		final VaeModel m = VaeTexture.load(model.file);
		final ConsoleMonitor monitor = new ConsoleMonitor(err(), "of " + input.file.getFileName());
		for (final Map.Entry<Path, ChunkedMap> target : chunkedOutputs(m, monitor).entrySet()) {
			final ChunkedMapJob job = VaeTexture.mapJob(m, input.file, target.getKey(), target.getValue(),
				zarr.chunk, zarr.compression);
			final List<ChunkTask> tasks = ChunkedMapJob.partition(job.tasks(), part[0], part[1]);
			final int written = job.run(tasks, Runtime.getRuntime().availableProcessors(), f -> monitor
				.progress(target.getValue().name() + " map", f), monitor::isCancelled);
			monitor.done();
			err().println("wrote " + written + " chunk(s) to " + target.getKey() + (written < tasks.size()
				? " (" + (tasks.size() - written) + " were there already)" : ""));
		}
		return 0;
	}

	/**
	 * The maps to write from a chunked input, each with its OME-Zarr output (--output first).
	 *
	 * @throws VaeTextureException if this subcommand cannot write OME-Zarr
	 */
	Map<Path, ChunkedMap> chunkedOutputs(final VaeModel m, final ConsoleMonitor monitor) {
		throw new VaeTextureException(spec.name() +
			" reads and writes TIFF only; OME-Zarr works with features, kl, novelty and segment");
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
