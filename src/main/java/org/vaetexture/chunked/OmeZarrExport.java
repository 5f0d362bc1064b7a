package org.vaetexture.chunked;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;
import org.vaetexture.store.DataType;
import org.vaetexture.store.OmeZarr;
import org.vaetexture.store.ZarrArray;
import org.vaetexture.store.ZarrCodec;

/**
 * Writes an image as OME-Zarr (axes t, c, z, y, x as the image has them - an image in memory has
 * c and z only; chunks of one plane, all channels, {@code chunk} pixels square; 8- and 16-bit and
 * float32 kept, other types as float32, which is what the maps read them as), chunk by chunk into
 * a folder beside the output that is renamed to it at the end: a cancelled or killed conversion
 * leaves no output that would read as a whole image with missing chunks. This turns a TIFF into
 * an input for the cluster paths.
 */
public final class OmeZarrExport {

	private OmeZarrExport() {}

	/**
	 * @param progress fraction of the chunks written, 0 to 1
	 * @throws VaeTextureException if the output exists
	 * @throws CancellationException when {@code cancelled} answers true (between chunks); nothing is
	 *           left behind
	 */
	public static void write(final ChunkedImage image, final Path output, final int chunk,
		final ZarrCodec codec, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		if (chunk < 1) throw new VaeTextureException("chunk size must be at least 1, got " + chunk);
		if (Files.exists(output)) throw new VaeTextureException("output '" + output +
			"' exists; delete it or choose another");
		final Path partial = output.resolveSibling(output.getFileName() + ".partial");
		// a folder of that name is what an earlier conversion to this output left when it was killed
		AtomicFiles.deleteFolder(partial);
		try {
			writeChunks(image, partial, chunk, codec, progress, cancelled);
			Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			AtomicFiles.deleteFolder(partial);
			throw new VaeTextureException("cannot write '" + output + "': " + e.getMessage() +
				"; choose a writable folder", e);
		}
		catch (final RuntimeException e) {
			AtomicFiles.deleteFolder(partial);
			throw e;
		}
	}

	private static void writeChunks(final ChunkedImage image, final Path folder, final int chunk,
		final ZarrCodec codec, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		final OutputAxes axes = new OutputAxes(image, image.channels(), chunk);
		final DataType type = image.dataType().exactInFloat() ? image.dataType() : DataType.FLOAT32;
		final ZarrArray array = OmeZarr.create(folder, image.name(), axes.names(), axes.calibration(),
			axes.shape(), axes.chunks(), type, codec, Map.of()).writable();
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
