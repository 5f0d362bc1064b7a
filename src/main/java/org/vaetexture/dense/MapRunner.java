package org.vaetexture.dense;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import org.vaetexture.Workers;
import org.vaetexture.image.MapImages;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.Backend;
import org.vaetexture.model.VaeModel;

/**
 * Computes a {@link LatentMap} over a whole image, plane by plane and block by block, so memory
 * stays bounded by the block size whatever the image size. Each block's posteriors are computed
 * with the map's halo around it from the mirror-extended image, so the result does not depend on
 * the block size. Reports progress after every block and checks cancel before each; a cancelled run
 * returns nothing. The caller checks that the image fits the model
 * ({@link org.vaetexture.image.ImageChecks#requireCompatible}), as the facade does.
 * <p>
 * Output: an {@code Img<FloatType>} with axes X, Y, then the map's channels (if more than one), then
 * planes (if more than one).
 */
public final class MapRunner {

	/** Default side of a block of output pixels. */
	public static final int DEFAULT_BLOCK = 256;

	/** One encoder per thread: an encoder is not shared between threads. */
	private final ThreadLocal<DenseEncoder> encoders;
	private final int block, workers;

	/** Blocks of {@value #DEFAULT_BLOCK}, one worker per core. */
	public MapRunner(final VaeModel model) {
		this(model, DEFAULT_BLOCK, Runtime.getRuntime().availableProcessors());
	}

	public MapRunner(final VaeModel model, final int block, final int workers) {
		this.encoders = ThreadLocal.withInitial(() -> {
			Backend.useOneThreadOnThisThread();
			return new DenseEncoder(model);
		});
		this.block = block;
		this.workers = workers;
	}

	public Img<FloatType> run(final TextureImage image, final LatentMap map) {
		return run(image, map, f -> {}, () -> false);
	}

	/**
	 * Computes the blocks on this runner's workers, each running ND4J on one thread (for the time of
	 * the run): so the map is the same bit for bit whatever the number of workers, and equal to the
	 * block-wise maps of {@code org.vaetexture.chunked}.
	 *
	 * @param progress receives the fraction done: 0 before the first block (a stage starts there,
	 *          not when its first block is done), then after each block up to 1
	 * @throws CancellationException when {@code cancelled} answers true (checked before each block)
	 */
	public Img<FloatType> run(final TextureImage image, final LatentMap map,
		final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		progress.accept(0);
		final int k = map.channels(), planes = image.planes();
		final Img<FloatType> out = MapImages.floats(image.width(), image.height(), k, planes);
		final Consumer<int[]> compute = b -> write(block(Views.extendMirrorSingle(Views.hyperSlice(image
			.data(), 3, b[0])), map, b[1], b[2], b[3], b[4]), out, b[1], b[2], b[3], b[4], b[0], k, planes);
		Backend.onOneThread(() -> Workers.forEach(blocks(planes, 0, 0, image.width(), image.height()),
			workers, compute, this::releaseThread, progress, cancelled));
		return out;
	}

	/** What a worker thread holds: its encoder and its workspaces. */
	private void releaseThread() {
		encoders.remove();
		NativeArrays.releaseWorkspaces();
	}

	/** The side of this runner's blocks, in output pixels. */
	public int blockSize() {
		return block;
	}

	/**
	 * This runner's blocks over [x0, x0 + w) x [y0, y0 + h) of planes 0 to {@code planes - 1} (x0
	 * and y0 on the grid), plane by plane and row by row, each as {plane, x, y, width, height}: the
	 * blocks {@link #run} computes there.
	 */
	public List<int[]> blocks(final int planes, final int x0, final int y0, final int w,
		final int h)
	{
		final List<int[]> blocks = new ArrayList<>();
		for (int p = 0; p < planes; p++)
			for (int y = y0; y < y0 + h; y += block)
				for (int x = x0; x < x0 + w; x += block)
					blocks.add(new int[] { p, x, y, Math.min(block, x0 + w - x), Math.min(block, y0 + h - y) });
		return blocks;
	}

	/**
	 * The map over one block, [x0, x0 + w) x [y0, y0 + h) of one plane, as {@link LatentMap#compute}
	 * gives it: exactly what {@link #run} computes there when the block is one of its blocks (a
	 * multiple of the block size from the origin, and w and h those of that block).
	 *
	 * @param plane the plane (X, Y, channel), extended beyond the image as {@link #run} extends it
	 */
	public float[][] block(final RandomAccessible<? extends RealType<?>> plane, final LatentMap map,
		final int x0, final int y0, final int w, final int h)
	{
		final int halo = map.halo();
		final float[][] values = new float[map.channels()][w * h];
		map.compute(encoders.get().codes(plane, x0 - halo, y0 - halo, w + 2 * halo, h + 2 * halo, map
			.usesHidden()), w, h, values);
		return values;
	}

	/** The pixels of the plane (X and Y) that {@link #block} reads for that block. */
	public Interval blockInput(final LatentMap map, final long x0, final long y0, final int w,
		final int h)
	{
		final int halo = map.halo();
		return encoders.get().inputInterval(x0 - halo, y0 - halo, w + 2 * halo, h + 2 * halo);
	}

	/** Receives the dense codes of one block with its halo. */
	public interface BlockConsumer {

		void accept(DenseCodes codes, int plane, int x0, int y0, int w, int h);
	}

	/**
	 * Visits every block of every plane with the dense codes of the block and {@code halo} pixels
	 * around it; {@code progress} as {@link #run} reports it.
	 */
	public void forEachBlock(final TextureImage image, final int halo, final boolean hidden,
		final BlockConsumer consumer, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		progress.accept(0);
		final List<int[]> blocks = blocks(image.planes(), 0, 0, image.width(), image.height());
		try {
			for (int i = 0; i < blocks.size(); i++) {
				if (cancelled.getAsBoolean()) throw new CancellationException("map cancelled");
				final int[] b = blocks.get(i);
				final RandomAccessible<? extends RealType<?>> plane = Views.extendMirrorSingle(Views
					.hyperSlice(image.data(), 3, b[0]));
				consumer.accept(encoders.get().codes(plane, b[1] - halo, b[2] - halo, b[3] + 2 * halo, b[4] +
					2 * halo, hidden), b[0], b[1], b[2], b[3], b[4]);
				progress.accept((i + 1.0) / blocks.size());
			}
		}
		finally {
			NativeArrays.releaseWorkspaces();
		}
	}

	private static void write(final float[][] values, final Img<FloatType> out, final int x0,
		final int y0, final int bw, final int bh, final int plane, final int k, final int planes)
	{
		for (int c = 0; c < k; c++) {
			RandomAccessibleInterval<FloatType> target = out;
			if (planes > 1) target = Views.hyperSlice(target, target.numDimensions() - 1, plane);
			if (k > 1) target = Views.hyperSlice(target, 2, c);
			LoopBuilder.setImages(ArrayImgs.floats(values[c], bw, bh), Views.interval(target, Intervals
				.createMinSize(x0, y0, bw, bh))).forEachPixel((v, t) -> t.set(v));
		}
	}
}
