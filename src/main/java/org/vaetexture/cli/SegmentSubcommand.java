package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.Defaults;
import org.vaetexture.VaeTextureException;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;
import org.vaetexture.segment.SegmentationOptions;
import org.vaetexture.segment.TextureClasses;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code segment}: clusters the image's texture features into K classes and writes an 8-bit label
 * image; with --centres, labels with the classes of an earlier run instead.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
	description = "Writes an 8-bit label image (1 to K): the image's texture features clustered into K classes, or labelled with the classes of --centres.")
final class SegmentSubcommand extends MapSubcommand {

	@Option(names = "--classes", paramLabel = "K",
		description = "Texture classes, 2 to 255 (not needed with --centres).")
	private Integer classes;

	@Option(names = "--centres", paramLabel = "C.json",
		description = "Class centres written by an earlier --write-centres: label with those classes.")
	private Path centres;

	@Option(names = "--write-centres", paramLabel = "C.json",
		description = "Also write the fitted class centres, to label other images with the same classes.")
	private Path writeCentres;

	@Option(names = "--smoothing", paramLabel = "R",
		description = "Radius in pixels of the box the log roughness is averaged over (default: 3/4 of the tile size).")
	private int smoothing = Defaults.SMOOTHING;

	@Mixin
	private SharedOptions.Seed seed;

	@Override
	void checkOtherOutputs() {
		if (centres == null && classes == null) throw new VaeTextureException(
			"give --classes K, or --centres C.json to reuse earlier classes");
		if (centres != null) for (final String option : new String[] { "--smoothing", "--seed" })
			if (spec.commandLine().getParseResult().hasMatchedOption(option)) throw new VaeTextureException(
				option + " is for fitting classes; --centres '" + centres +
					"' holds the classes and their smoothing, so leave " + option + " out");
		if (writeCentres != null) AtomicFiles.requireTarget(writeCentres, "--write-centres");
	}

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final TextureClasses fitted = classes(() -> VaeTexture.fitClasses(m, image, options(),
			monitor));
		final Img<UnsignedByteType> labels = VaeTexture.segment(m, image, fitted, monitor);
		monitor.done();
		save(ImageWriter.toImagePlus(labels, "texture classes of " + image.name()), output.file);
		writeCentres(fitted);
	}

	/**
	 * Labels a chunked image chunk by chunk, with --centres or with classes fitted to a seeded
	 * sample of its blocks.
	 */
	@Override
	Map<Path, ChunkedMap> chunkedOutputs(final VaeModel m, final ConsoleMonitor monitor) {
		checkOtherOutputs();
		if (centres == null && partition.parts()[1] > 1) throw new VaeTextureException(
			"the parts of a job array must label with the same classes: fit them once (segment --write-centres) and give each part --centres");
		final TextureClasses fitted = classes(() -> VaeTexture.fitClasses(m, input.file, options(),
			monitor));
		monitor.done();
		writeCentres(fitted);
		return Map.of(output.file, ChunkedMap.labels(fitted));
	}

	/** The classes of --centres (checked against --classes), or those {@code fit} gives. */
	private TextureClasses classes(final Supplier<TextureClasses> fit) {
		final TextureClasses c = centres != null ? VaeTexture.loadClasses(centres) : fit.get();
		if (centres != null && classes != null && classes != c.count())
			throw new VaeTextureException("--centres '" + centres + "' holds " + c.count() +
				" classes but --classes says " + classes);
		return c;
	}

	private SegmentationOptions options() {
		return SegmentationOptions.defaults().withClasses(classes).withSmoothing(smoothing).withSeed(
			seed.value);
	}

	private void writeCentres(final TextureClasses fitted) {
		if (writeCentres == null) return;
		VaeTexture.saveClasses(fitted, writeCentres);
		err().println("wrote " + writeCentres);
	}
}
