package org.vaetexture.chunked;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.vaetexture.VaeTextureException;
import org.vaetexture.store.OmeZarr;
import org.vaetexture.store.ZarrArray;
import org.vaetexture.store.ZarrCodec;

/**
 * Writes an image as OME-Zarr (axes t, c, z, y, x as the image has them - an image in memory has
 * c and z only; chunks of one plane, all channels, {@code chunk} pixels square; 8- and 16-bit kept,
 * other types as float32), chunk by chunk, each chunk atomically: what turns a TIFF into an input
 * for the cluster paths.
 */
public final class OmeZarrExport {

	private OmeZarrExport() {}

	/**
	 * @param progress fraction of the chunks written, 0 to 1
	 * @throws VaeTextureException if the output exists
	 * @throws CancellationException when {@code cancelled} answers true (between chunks)
	 */
	public static void write(final ChunkedImage image, final Path output, final int chunk,
		final ZarrCodec codec, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		if (chunk < 1) throw new VaeTextureException("chunk size must be at least 1, got " + chunk);
		if (Files.exists(output)) throw new VaeTextureException("output '" + output +
			"' exists; delete it or choose another");
		final OutputAxes axes = new OutputAxes(image, image.channels(), chunk);
		final ZarrArray array = OmeZarr.create(output, image.name(), axes.names(), axes.calibration(),
			axes.shape(), axes.chunks(), image.dataType(), codec, Map.of()).writable();
		final List<ChunkTask> tasks = ChunkTask.grid(image, chunk);
		for (int i = 0; i < tasks.size(); i++) {
			if (cancelled.getAsBoolean()) throw new CancellationException("conversion cancelled");
			final ChunkTask t = tasks.get(i);
			final int x0 = t.column() * chunk, y0 = t.row() * chunk;
			array.writeChunk(axes.chunkIndex(t.plane(), t.column(), t.row()), image.read(t.plane(), x0, y0,
				Math.min(chunk, image.width() - x0), Math.min(chunk, image.height() - y0)));
			progress.accept((i + 1.0) / tasks.size());
		}
	}
}
