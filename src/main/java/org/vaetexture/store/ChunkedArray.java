package org.vaetexture.store;

/**
 * A chunked n-dimensional array of numbers read as floats. Shapes and positions are in C order:
 * the last dimension (x) varies fastest.
 */
public interface ChunkedArray {

	/** The size of each dimension. */
	long[] shape();

	/** The size of a chunk in each dimension (chunks at the far edges may hold less data). */
	int[] chunkShape();

	DataType dataType();

	/**
	 * Values of the box [offset, offset + size), as floats in C order; chunks that do not exist
	 * give the fill value. Thread-safe.
	 *
	 * @throws IllegalArgumentException if the box does not lie inside the array
	 * @throws org.vaetexture.VaeTextureException if a chunk cannot be read, naming its file
	 */
	float[] read(long[] offset, int[] size);
}
