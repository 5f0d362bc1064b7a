package org.vaetexture.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;

/**
 * Turns maps into ImageJ images and TIFF files (32-bit maps, 8-bit labels, RGB overviews). A map has axes X, Y, then optionally channels
 * and planes; channels become the slices of a stack (or the channels of a hyperstack when there are
 * planes too). Files are written to a temporary file and moved into place.
 */
public final class ImageWriter {

	private ImageWriter() {}

	/**
	 * @param map X, Y[, channel][, plane]
	 * @param channels number of channels (1 if the map has no channel axis)
	 * @param labels one label per channel, or null
	 */
	public static ImagePlus toImagePlus(final RandomAccessibleInterval<? extends RealType<?>> map,
		final int channels, final List<String> labels, final String title)
	{
		final int w = (int) map.dimension(0), h = (int) map.dimension(1);
		final boolean hasChannels = map.numDimensions() > 2 && channels > 1;
		final int planes = map.numDimensions() > (hasChannels ? 3 : 2) ? (int) map.dimension(map
			.numDimensions() - 1) : 1;
		final ImageStack stack = new ImageStack(w, h);
		for (int p = 0; p < planes; p++)
			for (int c = 0; c < channels; c++) {
				RandomAccessibleInterval<? extends RealType<?>> slice = map;
				if (planes > 1) slice = Views.hyperSlice(slice, slice.numDimensions() - 1, p);
				if (hasChannels) slice = Views.hyperSlice(slice, 2, c);
				final float[] pixels = new float[w * h];
				final Cursor<? extends RealType<?>> cursor = Views.flatIterable(slice).cursor();
				for (int i = 0; i < pixels.length; i++)
					pixels[i] = cursor.next().getRealFloat();
				stack.addSlice(labels == null ? null : labels.get(c), new FloatProcessor(w, h, pixels));
			}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(channels, planes, 1);
		imp.resetDisplayRange();
		return imp;
	}

	/**
	 * An RGB image (one slice per plane) or an 8-bit one of an image of X, Y[, plane] in ARGB colours
	 * or unsigned bytes; any other pixel type goes to {@link #toImagePlus} as one channel.
	 */
	@SuppressWarnings("unchecked")
	public static ImagePlus toImagePlus(final RandomAccessibleInterval<?> image, final String title) {
		final Object type = Views.flatIterable(image).firstElement();
		if (!(type instanceof ARGBType) && !(type instanceof UnsignedByteType))
			return toImagePlus((RandomAccessibleInterval<? extends RealType<?>>) image, 1, null, title);
		final int w = (int) image.dimension(0), h = (int) image.dimension(1);
		final int planes = image.numDimensions() > 2 ? (int) image.dimension(2) : 1;
		final ImageStack stack = new ImageStack(w, h);
		for (int p = 0; p < planes; p++) {
			final RandomAccessibleInterval<?> slice = planes > 1 ? Views.hyperSlice(image, 2, p) : image;
			final Cursor<?> cursor = Views.flatIterable(slice).cursor();
			if (type instanceof ARGBType) {
				final int[] pixels = new int[w * h];
				for (int i = 0; i < pixels.length; i++)
					pixels[i] = ((ARGBType) cursor.next()).get();
				stack.addSlice(new ColorProcessor(w, h, pixels));
			}
			else {
				final byte[] pixels = new byte[w * h];
				for (int i = 0; i < pixels.length; i++)
					pixels[i] = (byte) ((UnsignedByteType) cursor.next()).get();
				stack.addSlice(new ByteProcessor(w, h, pixels));
			}
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.resetDisplayRange();
		return imp;
	}

	/** Writes an ImageJ image as a TIFF atomically (32-bit, 8-bit or RGB as it is); fails with a clear message if the folder is not writable. */
	public static void saveTiff(final ImagePlus imp, final Path file) {
		AtomicFiles.write(file, "image", temp -> {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(temp.toString()) : saver
				.saveAsTiff(temp.toString());
			if (!ok) throw new IOException("ImageJ could not write the TIFF");
		});
	}

	/** Requires that an output can be created at {@code file} before any work is done. */
	public static void requireWritable(final Path file, final String option) {
		final Path dir = file.toAbsolutePath().getParent();
		if (Files.isDirectory(file)) throw new VaeTextureException(option + " '" + file +
			"' is a folder; give a file name");
		if (dir == null || !Files.isDirectory(dir)) throw new VaeTextureException("cannot write " +
			option + " '" + file + "': folder '" + dir + "' does not exist");
		if (!Files.isWritable(dir)) throw new VaeTextureException("cannot write " + option + " '" +
			file + "': folder '" + dir + "' is not writable");
	}
}
