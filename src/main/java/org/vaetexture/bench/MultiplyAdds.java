package org.vaetexture.bench;

import org.vaetexture.dense.DenseEncoder;
import org.vaetexture.model.VaeConfig;

/**
 * Multiply-adds of the VAE's convolutions and dense layers, for the achieved GFLOP/s the benchmark
 * prints (one multiply-add = 2 floating-point operations; activations, losses and the optimizer
 * are left out, so the figures are slight underestimates).
 */
final class MultiplyAdds {

	private MultiplyAdds() {}

	/** Forward pass of the first encoder layer, per tile. */
	static long firstLayer(final VaeConfig c) {
		return (long) c.size1() * c.size1() * 9 * c.channels() * c.filters1();
	}

	/** Forward pass of the encoder (both convolutions and the mu / log-variance head), per tile. */
	static long encoder(final VaeConfig c) {
		return firstLayer(c) + (long) c.size2() * c.size2() * 9 * c.filters1() * c.filters2() +
			(long) c.flatSize() * 2 * c.latentDim();
	}

	/** Forward pass of the decoder (dense layer and two 4 x 4 transposed convolutions), per tile. */
	static long decoder(final VaeConfig c) {
		final long s = c.decoderStart();
		return (long) c.latentDim() * c.filters2() * s * s + s * s * 16 * c.filters2() * c.filters1() +
			4 * s * s * 16 * c.filters1() * c.channels();
	}

	/**
	 * One training step, per tile: the forward pass, then the gradients with respect to every
	 * layer's weights and every layer's input but the image's (each as costly as the forward pass
	 * of that layer).
	 */
	static long trainingStep(final VaeConfig c) {
		final long forward = encoder(c) + decoder(c);
		return 3 * forward - firstLayer(c);
	}

	/**
	 * The exact dense map computed directly, per output pixel: each of the encoder's layers once per
	 * pixel (the stride-1, dilated view of the encoder, as torch_vae.py runs it), halos left out.
	 */
	static long densePixel(final VaeConfig c) {
		return denseLayers(c) + denseHead(c);
	}

	/** The dense map as VAE Texture's encoder computes it, per output pixel: fewer in the head. */
	static long densePixelPerformed(final VaeConfig c) {
		return denseLayers(c) + Math.round(denseHead(c) * DenseEncoder.headWorkFraction(c));
	}

	private static long denseLayers(final VaeConfig c) {
		return 9L * c.channels() * c.filters1() + 9L * c.filters1() * c.filters2();
	}

	private static long denseHead(final VaeConfig c) {
		return (long) c.flatSize() * 2 * c.latentDim();
	}
}
