package org.vaetexture.image;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.vaetexture.VaeTextureException;

/**
 * Wraps the pixel arrays of an ImageJ 1.x {@link ImagePlus} as an ImgLib2 {@link TextureImage}
 * without copying them: 8-, 16- and 32-bit planes become unsigned byte, unsigned short and float
 * images; RGB planes become three 8-bit channels. Hyperstack channels are the VAE's channels, Z
 * slices and time frames its planes.
 */
public final class ImagePlusImgs {

	private ImagePlusImgs() {}

	public static TextureImage wrap(final ImagePlus imp) {
		final int w = imp.getWidth(), h = imp.getHeight();
		final int nc = imp.getNChannels(), nz = imp.getNSlices(), nt = imp.getNFrames();
		final ImageStack stack = imp.getStack();
		if (stack.getSize() != nc * nz * nt) throw new VaeTextureException("image '" + imp.getTitle() +
			"' has " + stack.getSize() + " slices, not channels x slices x frames = " + nc * nz * nt +
			"; fix its dimensions with Image > Properties");
		final boolean rgb = imp.getBitDepth() == 24;
		if (rgb && nc > 1) throw new VaeTextureException("image '" + imp.getTitle() +
			"' is an RGB hyperstack with several channels; convert it to one RGB channel or to 8-bit channels");
		final List<RandomAccessibleInterval<? extends RealType<?>>> planes = new ArrayList<>();
		for (int t = 0; t < nt; t++)
			for (int z = 0; z < nz; z++) {
				if (rgb) {
					planes.add(Converters.argbChannels(ArrayImgs.argbs((int[]) stack.getPixels(
						imp.getStackIndex(1, z + 1, t + 1)), w, h), 1, 2, 3));
					continue;
				}
				final List<RandomAccessibleInterval<? extends RealType<?>>> channels = new ArrayList<>();
				for (int c = 0; c < nc; c++)
					channels.add(plane(stack.getPixels(imp.getStackIndex(c + 1, z + 1, t + 1)), w, h,
						imp.getTitle()));
				planes.add(stackOf(channels));
			}
		return new TextureImage(imp.getTitle(), stackOf(planes), null);
	}

	private static RandomAccessibleInterval<? extends RealType<?>> plane(final Object pixels,
		final int w, final int h, final String title)
	{
		if (pixels instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) pixels, w, h);
		if (pixels instanceof short[]) return ArrayImgs.unsignedShorts((short[]) pixels, w, h);
		if (pixels instanceof float[]) return ArrayImgs.floats((float[]) pixels, w, h);
		throw new VaeTextureException("image '" + title + "' has pixels of an unsupported type; use 8-, 16-, 32-bit or RGB");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<? extends RealType<?>> stackOf(
		final List<RandomAccessibleInterval<? extends RealType<?>>> slices)
	{
		return Views.stack((List) slices);
	}
}
