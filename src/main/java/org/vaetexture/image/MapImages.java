package org.vaetexture.image;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.Img;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The images maps are written into: X x Y[ x k][ x planes] (axes of size 1 left out), one array per
 * X-Y plane, ImageJ's own layout, so each becomes an ImagePlus without a copy
 * ({@link ImageWriter#toImagePlus}); in cells when a plane has more pixels than a Java array holds.
 */
public final class MapImages {

	private MapImages() {}

	/** A float image of X x Y[ x k][ x planes]. */
	public static Img<FloatType> floats(final int w, final int h, final int k, final int planes) {
		return create(new FloatType(), w, h, k, planes);
	}

	/** An image of X x Y[ x k][ x planes] of any pixel type. */
	public static <T extends NativeType<T>> Img<T> create(final T type, final int w, final int h,
		final int k, final int planes)
	{
		final List<Long> dims = new ArrayList<>(List.of((long) w, (long) h));
		if (k > 1) dims.add((long) k);
		if (planes > 1) dims.add((long) planes);
		final long[] d = dims.stream().mapToLong(Long::longValue).toArray();
		return (long) w * h < Integer.MAX_VALUE - 16 ? new PlanarImgFactory<>(type).create(d)
			: new CellImgFactory<>(type, 1024).create(d);
	}
}
