package org.vaetexture.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;

import net.imglib2.img.array.ArrayImgs;

import org.vaetexture.VaeTextureException;
import org.vaetexture.image.ImagePlusImgs;
import org.vaetexture.image.TextureImage;

/** The active ImagePlus as a {@link TextureImage}, with its area ROI (if any) as the tile mask. */
final class ImagePlusInput {

	private ImagePlusInput() {}

	static TextureImage of(final ImagePlus imp, final boolean roiAsMask) {
		if (imp == null) throw new VaeTextureException("no image is open; open an image first");
		final TextureImage image = ImagePlusImgs.wrap(imp);
		final Roi roi = imp.getRoi();
		if (!roiAsMask || roi == null || !roi.isArea()) return image;
		final byte[] mask = new byte[imp.getWidth() * imp.getHeight()];
		final ImageProcessor roiMask = roi.getMask();
		final java.awt.Rectangle r = roi.getBounds();
		for (int y = 0; y < r.height; y++)
			for (int x = 0; x < r.width; x++) {
				final int ix = r.x + x, iy = r.y + y;
				if (ix < 0 || iy < 0 || ix >= imp.getWidth() || iy >= imp.getHeight()) continue;
				if (roiMask == null || roiMask.get(x, y) != 0) mask[iy * imp.getWidth() + ix] = 1;
			}
		return image.withMask(ArrayImgs.unsignedBytes(mask, imp.getWidth(), imp.getHeight()));
	}
}
