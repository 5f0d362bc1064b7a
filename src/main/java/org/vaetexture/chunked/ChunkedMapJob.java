package org.vaetexture.chunked;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.VaeTextureException;
import org.vaetexture.Workers;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.dense.MapRunner;
import org.vaetexture.dense.NativeArrays;
import org.vaetexture.image.ImageChecks;
import org.vaetexture.model.Backend;
import org.vaetexture.model.ModelFingerprint;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.store.ZarrArray;
import org.vaetexture.store.ZarrCodec;

/**
 * A map from a chunked store to a chunked store, one output chunk at a time: the same blocks, with
 * the same halos, as {@link MapRunner} computes over the whole image, so the result equals the
 * single-image map bit for bit, whichever chunks run where. Each chunk reads only the input it
 * needs (its blocks, their halos and the encoder's window, mirrored only at the image's own
 * borders) and is written atomically; chunks already written are skipped, so a stopped job resumes
 * where it stopped. The unit of work of the command line's partitions and of a Spark task.
 */
public final class ChunkedMapJob {

	/** The largest chunk side: a chunk of the features map is then 256 MB of floats. */
	static final int MAX_CHUNK = 2048;

	private final ChunkedImage input;
	private final LatentMap map;
	private final MapRunner runner;
	private final OutputAxes axes;
	private final ZarrArray output;
	private final int chunk;

	/**
	 * Checks that the model can map the input and creates (or reopens) the output.
	 *
	 * @param chunk the side of an output chunk, a multiple of {@value MapRunner#DEFAULT_BLOCK}
	 * @throws VaeTextureException saying what to change
	 */
	public ChunkedMapJob(final VaeModel model, final ChunkedImage input, final ChunkedMap what,
		final Path output, final int chunk, final ZarrCodec codec)
	{
		final VaeConfig config = model.config();
		if (chunk <= 0 || chunk > MAX_CHUNK || chunk % MapRunner.DEFAULT_BLOCK != 0)
			throw new VaeTextureException("chunk size " + chunk + " is not a multiple of " +
				MapRunner.DEFAULT_BLOCK + " up to " + MAX_CHUNK + "; choose 256, 512, 1024 or 2048");
		ImageChecks.requireFits(input.name(), input.width(), input.height(), input.channels(), config);
		this.input = input;
		this.map = what.create(model);
		this.runner = new MapRunner(model);
		this.chunk = chunk;
		this.axes = new OutputAxes(input, map.channels(), chunk);
		this.output = MapStore.create(output, axes, input.name(), input.source(), what.name(),
			ModelFingerprint.of(model), what.classes(), codec, what.type());
	}

	/** Every chunk of the output, plane by plane, row by row. */
	public List<ChunkTask> tasks() {
		return ChunkTask.grid(input, chunk);
	}

	/**
	 * The i-th of n contiguous, nearly equal parts of the tasks (i from 1 to n), for job arrays.
	 *
	 * @throws VaeTextureException unless 1 <= i <= n
	 */
	public static List<ChunkTask> partition(final List<ChunkTask> tasks, final int i, final int n) {
		if (n < 1 || i < 1 || i > n) throw new VaeTextureException("partition " + i + "/" + n +
			" does not exist; give i/N with 1 <= i <= N");
		final int size = tasks.size();
		return tasks.subList((int) ((long) size * (i - 1) / n), (int) ((long) size * i / n));
	}

	/**
	 * Computes and writes the tasks' chunks, skipping those already written, on {@code workers}
	 * threads, each running ND4J on one thread (for the time of the run) as a Spark task does, so
	 * that the chunks are the same bit for bit however many run at once.
	 *
	 * @param progress the fraction of the tasks done, 0 to 1
	 * @return how many chunks were written (not skipped)
	 * @throws CancellationException when {@code cancelled} answers true (checked before each chunk);
	 *           chunks written by then stay, and a re-run skips them
	 */
	public int run(final List<ChunkTask> tasks, final int workers, final DoubleConsumer progress,
		final BooleanSupplier cancelled)
	{
		progress.accept(0);
		final AtomicInteger written = new AtomicInteger();
		Backend.onOneThread(() -> Workers.forEach(tasks, workers, task -> {
			if (runChunk(task)) written.incrementAndGet();
		}, () -> {}, progress, cancelled));
		return written.get();
	}

	/** Whether the task's chunk has been written (by any run). */
	public boolean isWritten(final ChunkTask task) {
		return output.chunkExists(axes.chunkIndex(task.plane(), task.column(), task.row()));
	}

	/** Computes and writes one chunk, unless it was written before; true if it was written now. */
	public boolean runChunk(final ChunkTask task) {
		final long[] index = axes.chunkIndex(task.plane(), task.column(), task.row());
		if (output.chunkExists(index)) return false;
		final int x0 = task.column() * chunk, y0 = task.row() * chunk;
		final int w = Math.min(chunk, input.width() - x0), h = Math.min(chunk, input.height() - y0);
		final int k = map.channels();
		final RandomAccessible<FloatType> plane = input(input, runner, map, task.plane(), x0, y0, w, h);
		final float[] values = new float[k * w * h];
		try {
			for (final int[] b : runner.blocks(1, x0, y0, w, h)) {
				final float[][] v = runner.block(plane, map, b[1], b[2], b[3], b[4]);
				for (int c = 0; c < k; c++)
					for (int y = 0; y < b[4]; y++)
						System.arraycopy(v[c], y * b[3], values, (c * h + b[2] - y0 + y) * w + b[1] - x0, b[3]);
			}
		}
		finally {
			NativeArrays.releaseWorkspaces();
		}
		output.writeChunk(index, values);
		return true;
	}

	/**
	 * The part of a plane that the map's blocks in [x0, x0 + w) x [y0, y0 + h) read, blocks on
	 * {@link MapRunner}'s grid: read once, seen as the mirror-extended image.
	 */
	static RandomAccessible<FloatType> input(final ChunkedImage image, final MapRunner runner,
		final LatentMap map, final int plane, final int x0, final int y0, final int w, final int h)
	{
		long minX = Long.MAX_VALUE, minY = Long.MAX_VALUE, maxX = Long.MIN_VALUE, maxY = Long.MIN_VALUE;
		for (final int[] b : runner.blocks(1, x0, y0, w, h)) {
			final Interval read = runner.blockInput(map, b[1], b[2], b[3], b[4]);
			minX = Math.min(minX, read.min(0));
			minY = Math.min(minY, read.min(1));
			maxX = Math.max(maxX, read.max(0));
			maxY = Math.max(maxY, read.max(1));
		}
		return image.plane(plane, minX, minY, maxX - minX + 1, maxY - minY + 1);
	}
}
