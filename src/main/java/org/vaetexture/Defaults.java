package org.vaetexture;

/**
 * Every default a user can change, in one place: the command line's options, the Fiji commands'
 * fields and the options builders start from these constants (a test fails if a front end differs).
 * Names follow the macro keys: {@code TILE_SIZE} is {@code tile_size=} in a macro and
 * {@code --tile-size} on the command line.
 */
public final class Defaults {

	private Defaults() {}

	/** Side of the square tiles (windows) the VAE sees, in pixels. */
	public static final int TILE_SIZE = 32;
	/** Latent dimensions. */
	public static final int LATENT_DIM = 16;
	/** Channels of the encoder's first hidden layer. */
	public static final int FILTERS1 = 32;
	/** Channels of the encoder's second hidden layer. */
	public static final int FILTERS2 = 64;
	/**
	 * Weight of the KL term. Below 1 so that the latent code keeps texture detail: with beta 1 a VAE
	 * on stochastic texture (grass) collapses to the prior, its codes carry nothing, and novelty
	 * maps lose most of their power (see README's novelty benchmark).
	 */
	public static final double BETA = 0.1;

	/** Training epochs. */
	public static final int EPOCHS = 10;
	/** Adam steps (batches) per epoch. */
	public static final int STEPS_PER_EPOCH = 64;
	/** Tiles per batch. */
	public static final int BATCH_SIZE = 64;
	/** Held-out tiles the validation loss is measured on. */
	public static final int VALIDATION_TILES = 256;
	/** Adam's learning rate. */
	public static final double LEARNING_RATE = 1e-3;
	/** Epochs without a better validation loss before training stops; 0 never stops early. */
	public static final int PATIENCE = 3;
	/** CPU threads; one is the fastest on two cores and keeps runs bit-reproducible. */
	public static final int THREADS = 1;
	/** Seed of everything random: weights, tiles, noise, samples. */
	public static final long SEED = 1;
	/** Fraction of training pixels the novelty mask may flag. */
	public static final double FALSE_POSITIVE_RATE = 0.01;

	/** Tiles decoded from random latent codes (Generate Tiles). */
	public static final int GENERATED_TILES = 16;
	/** Tiles shown beside their reconstructions (Reconstruct Tiles). */
	public static final int RECONSTRUCTED_TILES = 8;
	/** Columns of the latent traversal, from -3 to +3 standard deviations. */
	public static final int TRAVERSAL_STEPS = 7;
	/** Random tiles to extract; 0 extracts a grid (Extract Texture Tiles). */
	public static final int RANDOM_TILES = 0;
	/** Texture classes of a segmentation (Segment Textures). */
	public static final int TEXTURE_CLASSES = 2;
	/** Smoothing radius of the segmentation features; this value means 3/4 of the tile size. */
	public static final int SMOOTHING = -1;
	/** Side of a chunk of a map written to OME-Zarr, in pixels (a multiple of the maps' 256 block). */
	public static final int CHUNK = 512;
	/** Compression of maps written to OME-Zarr: Blosc with LZ4 and byte shuffle, as zarr's own default. */
	public static final String COMPRESSION = "blosc-lz4";
}
