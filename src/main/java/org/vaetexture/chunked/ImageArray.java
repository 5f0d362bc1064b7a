package org.vaetexture.chunked;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.vaetexture.image.TextureImage;
import org.vaetexture.store.ChunkedArray;
import org.vaetexture.store.DataType;

/**
 * An image in memory seen as a chunked array with OME-Zarr's axis order: c (for several channels),
 * z (for several planes), y, x; one chunk per plane. What lets a TIFF be mapped into OME-Zarr, or
 * written as OME-Zarr, by the same code as a chunked store.
 */
final class ImageArray implements ChunkedArray {

	private final TextureImage image;
	private final List<String> axes = new ArrayList<>();
	/** For each axis of the array, the image's dimension: 0 x, 1 y, 2 channel, 3 plane. */
	private final int[] dimension;

	ImageArray(final TextureImage image) {
		this.image = image;
		final List<Integer> dims = new ArrayList<>();
		if (image.channels() > 1) add("c", 2, dims);
		if (image.planes() > 1) add("z", 3, dims);
		add("y", 1, dims);
		add("x", 0, dims);
		dimension = dims.stream().mapToInt(Integer::intValue).toArray();
	}

	private void add(final String axis, final int dim, final List<Integer> dims) {
		axes.add(axis);
		dims.add(dim);
	}

	List<String> axes() {
		return axes;
	}

	@Override
	public long[] shape() {
		final long[] shape = new long[dimension.length];
		for (int a = 0; a < shape.length; a++)
			shape[a] = image.data().dimension(dimension[a]);
		return shape;
	}

	@Override
	public int[] chunkShape() {
		final int[] chunk = new int[dimension.length];
		for (int a = 0; a < chunk.length; a++)
			chunk[a] = dimension[a] < 2 ? (int) image.data().dimension(dimension[a]) : 1;
		return chunk;
	}

	@Override
	public DataType dataType() {
		final Object type = image.data().getType();
		return type instanceof UnsignedByteType ? DataType.UINT8 : type instanceof UnsignedShortType
			? DataType.UINT16 : DataType.FLOAT32;
	}

	@Override
	public float[] read(final long[] offset, final int[] size) {
		int n = 1;
		for (final int s : size)
			n *= s;
		final float[] values = new float[n];
		final RandomAccess<? extends RealType<?>> ra = image.data().randomAccess();
		final long[] position = new long[4];
		final int last = dimension.length - 1, w = size[last];
		final int[] index = new int[dimension.length];
		for (int row = 0; row < n / w; row++) {
			for (int a = last - 1, r = row; a >= 0; a--) {
				index[a] = r % size[a];
				r /= size[a];
			}
			for (int a = 0; a < last; a++)
				position[dimension[a]] = offset[a] + index[a];
			position[0] = offset[last];
			ra.setPosition(position);
			for (int x = 0; x < w; x++, ra.fwd(0))
				values[row * w + x] = ra.get().getRealFloat();
		}
		return values;
	}
}
