package org.vaetexture.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/** zlib and gzip streams, for Zarr chunks and Blosc blocks. */
final class Deflate {

	private Deflate() {}

	static byte[] zlib(final byte[] data, final int from, final int size, final int level) {
		final Deflater deflater = new Deflater(level);
		deflater.setInput(data, from, size);
		deflater.finish();
		final ByteArrayOutputStream out = new ByteArrayOutputStream(size / 2 + 64);
		final byte[] buffer = new byte[65536];
		while (!deflater.finished())
			out.write(buffer, 0, deflater.deflate(buffer));
		deflater.end();
		return out.toByteArray();
	}

	/**
	 * Inflates the zlib stream {@code in[pos, pos + length)} into {@code out[at, at + size)}.
	 *
	 * @throws IllegalArgumentException if it is damaged or does not hold {@code size} bytes
	 */
	static void unzlib(final byte[] in, final int pos, final int length, final byte[] out,
		final int at, final int size)
	{
		final Inflater inflater = new Inflater();
		inflater.setInput(in, pos, length);
		try {
			int n = inflater.inflate(out, at, size);
			// at the end of the output, zlib may not have read the end mark yet
			if (!inflater.finished()) n += inflater.inflate(new byte[1]);
			if (n != size || !inflater.finished()) throw new IllegalArgumentException(
				"zlib stream does not hold " + size + " bytes");
		}
		catch (final DataFormatException e) {
			throw new IllegalArgumentException("zlib stream is damaged (" + Json.oneLine(e) + ")",
				e);
		}
		finally {
			inflater.end();
		}
	}

	static byte[] gzip(final byte[] data, final int level) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {

			{
				def.setLevel(level);
			}
		})
		{
			gzip.write(data);
		}
		catch (final IOException e) {
			throw new IllegalStateException("writing to memory", e);
		}
		return out.toByteArray();
	}

	/** @throws IllegalArgumentException if it is damaged or does not hold {@code size} bytes */
	static byte[] gunzip(final byte[] stored, final int size) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
			final byte[] out = in.readNBytes(size);
			if (out.length != size || in.read() != -1) throw new IllegalArgumentException(
				"gzip stream does not hold " + size + " bytes");
			return out;
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("gzip stream is damaged (" + Json.oneLine(e) + ")",
				e);
		}
	}
}
