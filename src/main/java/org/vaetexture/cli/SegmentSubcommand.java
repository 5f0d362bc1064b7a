package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.Map;

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
		description = "Radius in pixels of the box the log energies are averaged over (default: 3/4 of the tile size).")
	private int smoothing = Defaults.SMOOTHING;

	@Mixin
	private SharedOptions.Seed seed;

	@Override
	void checkOtherOutputs() {
		if (centres == null && classes == null) throw new VaeTextureException(
			"give --classes K, or --centres C.json to reuse earlier classes");
		if (writeCentres != null) AtomicFiles.requireTarget(writeCentres, "--write-centres");
	}

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final TextureClasses fitted = centres != null ? VaeTexture.loadClasses(centres) : VaeTexture
			.fitClasses(m, image, SegmentationOptions.defaults().withClasses(classes).withSmoothing(
				smoothing).withSeed(seed.value), monitor);
		if (centres != null && classes != null && classes != fitted.count())
			throw new VaeTextureException("--centres '" + centres + "' holds " + fitted.count() +
				" classes but --classes says " + classes);
		final Img<UnsignedByteType> labels = VaeTexture.segment(m, image, fitted, monitor);
		monitor.done();
		save(ImageWriter.toImagePlus(labels, "texture classes of " + image.name()), output.file);
		if (writeCentres != null) {
			VaeTexture.saveClasses(fitted, writeCentres);
			err().println("wrote " + writeCentres);
		}
	}

	/** Labels with saved classes: a chunked image is labelled a chunk at a time, never fitted whole. */
	@Override
	Map<Path, ChunkedMap> chunkedOutputs(final VaeModel m) {
		if (centres == null) throw new VaeTextureException(
			"an OME-Zarr input is labelled with saved classes: give --centres C.json, fitted with --write-centres on a representative TIFF");
		return Map.of(output.file, ChunkedMap.labels(VaeTexture.loadClasses(centres)));
	}
}
