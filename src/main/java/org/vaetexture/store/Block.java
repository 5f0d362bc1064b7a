package org.vaetexture.store;

/** The decoded values of one chunk, in C order, with the shape they cover. */
final class Block {

	final float[] values;
	final int[] shape;

	Block(final float[] values, final int[] shape) {
		this.values = values;
		this.shape = shape;
	}
}
