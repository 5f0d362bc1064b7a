package org.vaetexture.api;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.VaeTextureException;
import org.vaetexture.chunked.ChunkedClassFit;
import org.vaetexture.chunked.ChunkedImage;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.chunked.ChunkedMapJob;
import org.vaetexture.chunked.OmeZarrExport;
import org.vaetexture.decode.LatentTraversal;
import org.vaetexture.decode.Reconstructed;
import org.vaetexture.decode.Reconstruction;
import org.vaetexture.decode.TileGenerator;
import org.vaetexture.decode.TileReconstruction;
import org.vaetexture.dense.FeatureMap;
import org.vaetexture.dense.KlMap;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.dense.MapRunner;
import org.vaetexture.image.ImageChecks;
import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.NativeMemory;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.novelty.NoveltyCalibration;
import org.vaetexture.novelty.NoveltyMap;
import org.vaetexture.novelty.NoveltyTerm;
import org.vaetexture.novelty.NoveltyTermsMap;
import org.vaetexture.segment.LatentOverview;
import org.vaetexture.segment.SegmentationOptions;
import org.vaetexture.segment.TextureClasses;
import org.vaetexture.segment.TextureClassesFile;
import org.vaetexture.segment.TextureSegmentation;
import org.vaetexture.store.ZarrCodec;
import org.vaetexture.train.TileExtractor;
import org.vaetexture.train.Trainer;
import org.vaetexture.train.TrainingOptions;

/**
 * VAE Texture as a library: every operation the command line, the Fiji commands, the macro bridge
 * and the benchmark offer, headless, in one place. Each checks its input first (one-line
 * {@link VaeTextureException} saying what to change, before any work), reports progress to a
 * {@link Monitor} and stops when the monitor says it is cancelled (a
 * {@link java.util.concurrent.CancellationException}; nothing is returned). Defaults are in
 * {@link org.vaetexture.Defaults}; images are {@link TextureImage}s (X, Y, channel, plane), results
 * ImgLib2 images of the input's size unless said otherwise.
 */
public final class VaeTexture {

	/** The stage name of training steps. */
	public static final String TRAINING = "training";
	/** The stage name of the novelty calibration that follows training. */
	public static final String CALIBRATING = "calibrating novelty";

	private VaeTexture() {}

	/** Opens an image file (TIFF, PNG, ...; stacks and channels allowed). */
	public static TextureImage open(final Path file) {
		return ImageFiles.open(file);
	}

	/**
	 * Trains a VAE on the images (tiles centred inside each image's mask, if it has one), then
	 * calibrates its novelty statistics on the same images at the options' false-positive rate. It
	 * starts with a garbage collection ({@link NativeMemory#release}), so that the native arrays
	 * earlier work in this JVM left behind are freed before training allocates its own: training
	 * after other runs in one JVM took about 40% longer without it (README, Performance notes).
	 *
	 * @param architecture the VAE; its channels are set from the images
	 */
	public static VaeModel train(final List<TextureImage> images,
		final VaeConfig.Builder architecture, final TrainingOptions options, final Monitor monitor)
	{
		NativeMemory.release();
		// the Trainer refuses an empty list, with the one message for it
		final VaeConfig config = architecture.channels(images.isEmpty() ? 1 : images.get(0).channels())
			.build();
		final VaeModel trained = new Trainer(config, options).train(images, monitor,
			monitor::isCancelled);
		return NoveltyCalibration.calibrate(trained, images, options.falsePositiveRate(), stage(
			monitor, CALIBRATING), monitor::isCancelled);
	}

	/** Reads a model file, checking everything in it. */
	public static VaeModel load(final Path file) {
		return ModelFile.load(file);
	}

	/** Writes a model file atomically: the file is whole or not there. */
	public static void save(final VaeModel model, final Path file) {
		ModelFile.save(model, file);
	}

	/** The latent feature map: mu of every pixel's window, X x Y x latent[ x planes]. */
	public static Img<FloatType> features(final VaeModel model, final TextureImage image,
		final Monitor monitor)
	{
		return map(model, image, new FeatureMap(model.config().latentDim()), "feature map", monitor);
	}

	/** KL(q(z | window) || N(0, I)) of every pixel, in nats. */
	public static Img<FloatType> kl(final VaeModel model, final TextureImage image,
		final Monitor monitor)
	{
		return map(model, image, new KlMap(), "KL map", monitor);
	}

	/** The novelty heatmap, in nats (see {@link NoveltyMap}). */
	public static Img<FloatType> novelty(final VaeModel model, final TextureImage image,
		final Monitor monitor)
	{
		return map(model, image, new NoveltyMap(model.requireNovelty()), "novelty map", monitor);
	}

	/** The names of the {@link #noveltyTerms} channels, in their order: code, energy, roughness, shape, orientation. */
	public static List<String> noveltyTermNames() {
		return Arrays.stream(NoveltyTerm.values()).map(NoveltyTerm::label).collect(Collectors
			.toList());
	}

	/**
	 * Why each pixel is novel: the novelty score's parts (see {@link NoveltyTerm}), one channel
	 * each in the order code, energy, roughness, shape, orientation, in nats; they add up to the {@link #novelty} map.
	 */
	public static Img<FloatType> noveltyTerms(final VaeModel model, final TextureImage image,
		final Monitor monitor)
	{
		return map(model, image, new NoveltyTermsMap(model.requireNovelty()), "novelty terms",
			monitor);
	}

	/**
	 * The novelty mask of a novelty map: 1 where the score exceeds the threshold the model set at its
	 * false-positive rate on training pixels, 0 elsewhere; a new image.
	 */
	public static Img<FloatType> noveltyMask(final VaeModel model, final Img<FloatType> novelty) {
		return NoveltyMap.mask(novelty, model.requireNovelty());
	}

	/**
	 * As {@link #noveltyMask}, but overwrites the novelty map with its mask, for when the map is no
	 * longer needed (a large image's map is not held twice).
	 */
	public static void noveltyMaskInPlace(final VaeModel model, final Img<FloatType> novelty) {
		NoveltyMap.thresholdInPlace(novelty, model.requireNovelty());
	}

	/** The image as the VAE reconstructs it, and the per-pixel reconstruction error. */
	public static Reconstructed reconstruct(final VaeModel model, final TextureImage image,
		final Monitor monitor)
	{
		ImageChecks.requireCompatible(image, model.config());
		return new Reconstruction(model).run(image, stage(monitor, "reconstruction"),
			monitor::isCancelled);
	}

	/** The first three principal components of the latent feature map as red, green and blue. */
	public static Img<ARGBType> overview(final VaeModel model, final TextureImage image,
		final Monitor monitor)
	{
		ImageChecks.requireCompatible(image, model.config());
		return new LatentOverview(model).run(image, stage(monitor, "overview"), monitor::isCancelled);
	}

	/** Fits texture classes to the image's texture features (see {@link TextureSegmentation}). */
	public static TextureClasses fitClasses(final VaeModel model, final TextureImage image,
		final SegmentationOptions options, final Monitor monitor)
	{
		ImageChecks.requireCompatible(image, model.config());
		final int radius = options.smoothing() < 0 ? TextureSegmentation.defaultRadius(model.config())
			: options.smoothing();
		return new TextureSegmentation(model, radius).fit(image, options.classes(), options.seed(),
			stage(monitor, "fitting texture classes"), monitor::isCancelled);
	}

	/**
	 * Fits texture classes to an image in a chunked store without reading it whole: on a seeded
	 * sample of its blocks (see {@link ChunkedClassFit}).
	 */
	public static TextureClasses fitClasses(final VaeModel model, final Path input,
		final SegmentationOptions options, final Monitor monitor)
	{
		final int radius = options.smoothing() < 0 ? TextureSegmentation.defaultRadius(model.config())
			: options.smoothing();
		return ChunkedClassFit.fit(model, ChunkedImage.open(input), options.classes(), radius, options
			.seed(), stage(monitor, "fitting texture classes"), monitor::isCancelled);
	}

	/** Labels every pixel with its texture class (1 to K): an 8-bit image of X x Y[ x planes]. */
	public static Img<UnsignedByteType> segment(final VaeModel model, final TextureImage image,
		final TextureClasses classes, final Monitor monitor)
	{
		ImageChecks.requireCompatible(image, model.config());
		return TextureSegmentation.of(model, classes).label(image, classes, stage(monitor,
			"labelling texture classes"), monitor::isCancelled);
	}

	/** Reads texture classes written by {@link #saveClasses}. */
	public static TextureClasses loadClasses(final Path file) {
		return TextureClassesFile.load(file);
	}

	/** Writes texture classes atomically, to label other images with them later. */
	public static void saveClasses(final TextureClasses classes, final Path file) {
		TextureClassesFile.save(classes, file);
	}

	/** One row of decoded tiles per latent dimension (see {@link LatentTraversal}). */
	public static Img<FloatType> traverse(final VaeModel model, final int steps) {
		return LatentTraversal.montage(model, steps);
	}

	/** Tiles decoded from random latent codes z ~ N(0, I), a T x T[ x C] x count stack. */
	public static Img<FloatType> generate(final VaeModel model, final int count, final long seed) {
		return TileGenerator.generate(model, count, seed);
	}

	/** Random tiles of the image beside their reconstructions, one pair per row. */
	public static Img<FloatType> reconstructTiles(final VaeModel model, final TextureImage image,
		final int count, final long seed)
	{
		ImageChecks.requireCompatible(image, model.config());
		return TileReconstruction.montage(model, image, count, seed);
	}

	/**
	 * Texture tiles cut out of the image (centred in its mask, if it has one), a T x T[ x C] x N
	 * stack: a grid of non-overlapping tiles, or {@code randomCount} random ones when it is above 0.
	 */
	public static Img<FloatType> extractTiles(final TextureImage image, final int tileSize,
		final int randomCount, final long seed)
	{
		if (randomCount < 0) throw new VaeTextureException(
			"random tile count must be 0 (a grid) or more, got " + randomCount);
		return randomCount > 0 ? TileExtractor.random(image, tileSize, randomCount, seed)
			: TileExtractor.grid(image, tileSize);
	}

	/**
	 * A block-wise map of an image in a chunked store (OME-Zarr, Zarr or N5) into an OME-Zarr
	 * output, chunk by chunk in bounded memory: equal bit for bit to the map of the whole image,
	 * however its chunks are shared out (one machine, a job array, Spark). Creates the output, or
	 * reopens it when an earlier run of the same map and model made it; chunks written before are
	 * skipped when the job runs.
	 *
	 * @param chunk side of an output chunk in pixels, a multiple of 256
	 * @param compression as {@link ZarrCodec#parse} reads it, e.g. "blosc-lz4" or "zlib"
	 * @throws VaeTextureException saying what to change
	 */
	public static ChunkedMapJob mapJob(final VaeModel model, final Path input, final Path output,
		final ChunkedMap what, final int chunk, final String compression)
	{
		if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize()))
			throw new VaeTextureException("the output is the input '" + input + "'; choose another output");
		final ZarrCodec codec = ZarrCodec.parse(compression);
		return new ChunkedMapJob(model, ChunkedImage.open(input), what, output, chunk, codec);
	}

	/**
	 * Writes an image file (or a chunked store) as OME-Zarr in its own pixel type (8- and 16-bit
	 * integers and float32; other types as float32), for the block-wise and cluster maps; a
	 * cancelled conversion leaves no output.
	 *
	 * @param chunk side of a chunk in pixels
	 * @param compression as {@link ZarrCodec#parse} reads it
	 * @throws VaeTextureException if the output exists, or the input cannot be read
	 */
	public static void convert(final Path input, final Path output, final int chunk,
		final String compression, final Monitor monitor)
	{
		final ZarrCodec codec = ZarrCodec.parse(compression);
		OmeZarrExport.write(ChunkedImage.open(input), output, chunk, codec, stage(monitor,
			"conversion"), monitor::isCancelled);
	}

	private static Img<FloatType> map(final VaeModel model, final TextureImage image,
		final LatentMap map, final String stage, final Monitor monitor)
	{
		ImageChecks.requireCompatible(image, model.config());
		return new MapRunner(model).run(image, map, stage(monitor, stage),
			monitor::isCancelled);
	}

	private static DoubleConsumer stage(final Monitor monitor, final String stage) {
		return f -> monitor.progress(stage, f);
	}
}
