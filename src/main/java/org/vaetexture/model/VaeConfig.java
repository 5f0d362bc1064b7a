package org.vaetexture.model;

import org.vaetexture.Defaults;
import org.vaetexture.VaeTextureException;

/**
 * The architecture of a convolutional VAE: tile size, input channels, latent size, filter counts
 * and the weight of the KL term. Immutable; made with {@link #builder()}, which checks every value
 * and says what to change.
 * <p>
 * The encoder is two 3x3 stride-2 convolutions with VALID padding ({@code filters1}, then
 * {@code filters2} channels, ReLU) and a dense layer to mean and log-variance; the decoder a dense
 * layer to {@code filters2} x T/4 x T/4, then two 4x4 stride-2 transposed convolutions (padding 1).
 * With the defaults ({@link Defaults}) this is the reference VAE of the benchmark.
 */
public final class VaeConfig {

	/**
	 * Most trainable parameters a network may have: 2^26 float32 values are 256 MB, about 1 GB while
	 * training (gradients and Adam's two moments), so an absurd size fails here, not in memory.
	 */
	public static final long MAX_PARAMETERS = 1L << 26;

	private final int tileSize;
	private final int channels;
	private final int latentDim;
	private final int filters1;
	private final int filters2;
	private final double beta;

	private VaeConfig(final Builder b) {
		this.tileSize = b.tileSize;
		this.channels = b.channels;
		this.latentDim = b.latentDim;
		this.filters1 = b.filters1;
		this.filters2 = b.filters2;
		this.beta = b.beta;
	}

	/** @throws VaeTextureException unless {@code tileSize} is even and from 8 to 512 */
	public static void requireTileSize(final int tileSize) {
		if (tileSize < 8 || tileSize > 512 || tileSize % 2 != 0) throw new VaeTextureException(
			"tile size must be an even number from 8 to 512, got " + tileSize);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this configuration. */
	public Builder toBuilder() {
		return new Builder().tileSize(tileSize).channels(channels).latentDim(latentDim)
			.filters1(filters1).filters2(filters2).beta(beta);
	}

	/** Side of the square tiles (windows) the VAE sees, in pixels. */
	public int tileSize() {
		return tileSize;
	}

	/** Number of input channels (1 for grey images, 3 for RGB, C for multi-channel images). */
	public int channels() {
		return channels;
	}

	public int latentDim() {
		return latentDim;
	}

	public int filters1() {
		return filters1;
	}

	public int filters2() {
		return filters2;
	}

	/** Weight of the KL term in the loss (1 for the plain VAE). */
	public double beta() {
		return beta;
	}

	/** Side of the first convolution's output: (T - 3) / 2 + 1. */
	public int size1() {
		return (tileSize - 3) / 2 + 1;
	}

	/** Side of the second convolution's output, the grid the dense head reads. */
	public int size2() {
		return (size1() - 3) / 2 + 1;
	}

	/** Inputs of the dense head: filters2 x size2 x size2. */
	public int flatSize() {
		return filters2 * size2() * size2();
	}

	/** Side of the decoder's first feature map; the decoder output (4 times this) is cropped to T. */
	public int decoderStart() {
		return (tileSize + 3) / 4;
	}

	/**
	 * Pixels of the window that the encoder actually reads, from its top-left corner: 7 + 4 (size2 -
	 * 1). For T = 32 it is 31: the window's last row and column never matter.
	 */
	public int receptiveField() {
		return 7 + 4 * (size2() - 1);
	}

	/**
	 * How far right of (and below) a window's centre pixel T/2 the encoder reads: the receptive
	 * field less the window's left half and the centre (14 for T = 32).
	 */
	public int inputReach() {
		return receptiveField() - 1 - tileSize / 2;
	}

	@Override
	public String toString() {
		return "tile " + tileSize + ", channels " + channels + ", latent " + latentDim + ", filters " +
			filters1 + "/" + filters2 + ", beta " + beta;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof VaeConfig)) return false;
		final VaeConfig c = (VaeConfig) o;
		return tileSize == c.tileSize && channels == c.channels && latentDim == c.latentDim &&
			filters1 == c.filters1 && filters2 == c.filters2 && Double.compare(beta, c.beta) == 0;
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(tileSize, channels, latentDim, filters1, filters2, beta);
	}

	/** Collects the values of a {@link VaeConfig}; {@link #build()} validates them. */
	public static final class Builder {

		private int tileSize = Defaults.TILE_SIZE;
		private int channels = 1;
		private int latentDim = Defaults.LATENT_DIM;
		private int filters1 = Defaults.FILTERS1;
		private int filters2 = Defaults.FILTERS2;
		private double beta = Defaults.BETA;

		private Builder() {}

		public Builder tileSize(final int v) {
			tileSize = v;
			return this;
		}

		public Builder channels(final int v) {
			channels = v;
			return this;
		}

		public Builder latentDim(final int v) {
			latentDim = v;
			return this;
		}

		public Builder filters1(final int v) {
			filters1 = v;
			return this;
		}

		public Builder filters2(final int v) {
			filters2 = v;
			return this;
		}

		public Builder beta(final double v) {
			beta = v;
			return this;
		}

		/** @throws VaeTextureException naming the first value out of range and its valid range */
		public VaeConfig build() {
			requireTileSize(tileSize);
			if (channels < 1 || channels > 64) throw new VaeTextureException(
				"channel count must be from 1 to 64, got " + channels);
			if (latentDim < 1 || latentDim > 1024) throw new VaeTextureException(
				"latent dim must be from 1 to 1024, got " + latentDim);
			if (filters1 < 1 || filters1 > 1024 || filters2 < 1 || filters2 > 1024)
				throw new VaeTextureException("filter counts must be from 1 to 1024, got " + filters1 +
					" and " + filters2);
			if (!(beta > 0) || beta > 1000) throw new VaeTextureException(
				"beta must be above 0 and at most 1000, got " + beta);
			final VaeConfig config = new VaeConfig(this);
			long parameters = 0;
			for (final long[] shape : VaeNetwork.parameterShapes(config).values())
				parameters += VaeNetwork.count(shape);
			if (parameters > MAX_PARAMETERS) throw new VaeTextureException("tile size " + tileSize +
				", latent dim " + latentDim + " and filters " + filters1 + "/" + filters2 + " make " +
				parameters + " network parameters, more than the " + MAX_PARAMETERS +
				" allowed; use a smaller tile size or latent dim");
			return config;
		}
	}
}
