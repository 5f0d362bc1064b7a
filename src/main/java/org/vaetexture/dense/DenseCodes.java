package org.vaetexture.dense;

import java.util.function.IntFunction;

/**
 * What the dense encoder gives for a rectangle of pixels, row-major per channel: the posterior mean
 * and log-variance of every pixel's window, optionally the encoder's two hidden layers (after ReLU)
 * at the window's centre, and the normalized input it read, over the rectangle and a margin around
 * it.
 */
public final class DenseCodes {

	private final int width, height, latentDim;
	private final float[][] posteriors;
	private final float[][] hidden;
	/** Channel -> its input plane, cut on demand (most maps never ask). */
	private final IntFunction<float[]> input;
	private final int inputChannels, inputMargin;

	DenseCodes(final int width, final int height, final int latentDim, final float[][] posteriors,
		final float[][] hidden, final IntFunction<float[]> input, final int inputChannels,
		final int inputMargin)
	{
		this.width = width;
		this.height = height;
		this.latentDim = latentDim;
		this.posteriors = posteriors;
		this.hidden = hidden;
		this.input = input;
		this.inputChannels = inputChannels;
		this.inputMargin = inputMargin;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int latentDim() {
		return latentDim;
	}

	/** Mu of latent dimension j, one value per pixel. */
	public float[] mu(final int j) {
		return posteriors[j];
	}

	/** Log-variance of latent dimension j, one value per pixel. */
	public float[] logvar(final int j) {
		return posteriors[latentDim + j];
	}

	/** Hidden channels: first layer's filters1, then the second layer's filters2; null if not asked for. */
	public float[][] hidden() {
		return hidden;
	}

	/**
	 * The normalized input of channel c, (width + 2m) x (height + 2m) pixels with m the
	 * {@link #inputMargin}: pixel (x, y) of the rectangle is at (x + m, y + m). A new array on each
	 * call.
	 */
	public float[] input(final int c) {
		return input.apply(c);
	}

	/** Channels of {@link #input}. */
	public int inputChannels() {
		return inputChannels;
	}

	/** Pixels of input around the rectangle in {@link #input}. */
	public int inputMargin() {
		return inputMargin;
	}
}
