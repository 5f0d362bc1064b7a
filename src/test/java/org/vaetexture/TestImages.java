package org.vaetexture;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.ImagePlusImgs;
import org.vaetexture.image.TextureImage;

/** Fixtures: the project's sample images and small seeded synthetic ones, as images and TIFF files. */
public final class TestImages {

	private TestImages() {}

	public static Path sample(final String name) {
		return Paths.get("sample-images", name);
	}

	/** A real texture from sample-images/, e.g. "brick.tif". */
	public static TextureImage open(final String name) {
		return ImageFiles.open(sample(name));
	}

	/** Seeded uniform noise, 32-bit. */
	public static ImagePlus noise(final int w, final int h, final long seed) {
		final Random random = new Random(seed);
		final float[] pixels = new float[w * h];
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = random.nextFloat() * 100;
		return new ImagePlus("noise", new FloatProcessor(w, h, pixels));
	}

	/** Seeded noise as a hyperstack of {@code channels} 32-bit channels. */
	public static ImagePlus stackOfChannels(final int w, final int h, final int channels,
		final long seed)
	{
		final ij.ImageStack stack = new ij.ImageStack(w, h);
		for (int c = 0; c < channels; c++)
			stack.addSlice(noise(w, h, seed + c).getProcessor());
		final ImagePlus imp = new ImagePlus("channels", stack);
		imp.setDimensions(channels, 1, 1);
		return imp;
	}

	public static ImagePlus constant(final int w, final int h, final float value) {
		final FloatProcessor fp = new FloatProcessor(w, h);
		fp.set(value);
		return new ImagePlus("constant", fp);
	}

	public static TextureImage wrap(final ImagePlus imp) {
		return ImagePlusImgs.wrap(imp);
	}

	/** Saves as TIFF and returns the file. */
	public static Path save(final ImagePlus imp, final Path file) {
		new FileSaver(imp).saveAsTiff(file.toString());
		return file;
	}
}
