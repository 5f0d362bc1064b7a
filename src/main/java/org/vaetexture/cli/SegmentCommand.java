package org.vaetexture.cli;

import java.nio.file.Path;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.maps.TextureClasses;
import org.vaetexture.maps.TextureClassesFile;
import org.vaetexture.maps.TextureSegmentation;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segment}: clusters the image's texture features into K classes and writes an 8-bit label
 * image; with --centres, labels with the classes of an earlier run instead.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
	description = "Writes an 8-bit label image (1 to K): the image's texture features clustered into K classes, or labelled with the classes of --centres.")
final class SegmentCommand extends MapCommand {

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
	private Integer smoothing;

	@Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
	private long seed = 1;

	@Override
	void checkOtherOutputs() {
		if (centres == null && classes == null) throw new VaeTextureException(
			"give --classes K, or --centres C.json to reuse earlier classes");
		if (writeCentres != null) AtomicFiles.requireTarget(writeCentres, "--write-centres");
	}

	@Override
	void compute(final VaeModel m, final TextureImage image, final MapProgress progress) {
		final TextureClasses fitted = centres != null ? TextureClassesFile.load(centres)
			: new TextureSegmentation(m, smoothing == null ? TextureSegmentation.defaultRadius(m.config())
				: smoothing).fit(image, classes, seed, f -> progress.accept(0.5 * f), () -> false);
		if (centres != null && classes != null && classes != fitted.count())
			throw new VaeTextureException("--centres '" + centres + "' holds " + fitted.count() +
				" classes but --classes says " + classes);
		final Img<UnsignedByteType> labels = TextureSegmentation.of(m, fitted).label(image, fitted,
			f -> progress.accept(centres != null ? f : 0.5 + 0.5 * f), () -> false);
		progress.done("segmentation");
		save(ImageWriter.toImagePlus(labels, "texture classes of " + image.name()), output);
		if (writeCentres != null) {
			TextureClassesFile.save(fitted, writeCentres);
			err().println("wrote " + writeCentres);
		}
	}
}
