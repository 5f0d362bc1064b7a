package org.vaetexture.image;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.Opener;

import org.vaetexture.VaeTextureException;

/** Opens image files (TIFF and whatever else ImageJ 1.x reads) with clear errors. */
public final class ImageFiles {

	private ImageFiles() {}

	/** Opens an image file as an ImagePlus. */
	public static ImagePlus openImagePlus(final Path file) {
		if (!Files.exists(file)) throw new VaeTextureException("input image '" + file +
			"' does not exist");
		if (Files.isDirectory(file)) throw new VaeTextureException("input '" + file +
			"' is a folder; give an image file");
		if (!Files.isReadable(file)) throw new VaeTextureException("input image '" + file +
			"' cannot be read; check its permissions");
		final ImagePlus imp = new Opener().openImage(file.toAbsolutePath().toString());
		if (imp == null || imp.getWidth() == 0) throw new VaeTextureException("input '" + file +
			"' is not an image ImageJ can read; give a TIFF, PNG or JPEG file");
		return imp;
	}

	/** Opens an image file as a {@link TextureImage} named after the file. */
	public static TextureImage open(final Path file) {
		return wrap(openImagePlus(file), file);
	}

	/** An image opened from {@code file}, as a {@link TextureImage} named after the file. */
	public static TextureImage wrap(final ImagePlus imp, final Path file) {
		return new TextureImage(file.getFileName().toString(), ImagePlusImgs.wrap(imp).data(), null);
	}
}
