package org.vaetexture.store;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;

/**
 * Blosc 1.x frames, as c-blosc and numcodecs write them: a 16-byte header (version, codec version,
 * flags, type size, then little-endian uncompressed size, block size and frame size), the start of
 * each block, and per block one compressed stream, or one per byte of the type ("split" blocks),
 * each after its int32 length; a stream as long as its data is stored raw. Reads lz4, zlib and zstd
 * with no shuffle, byte shuffle or bit shuffle; writes lz4, zlib and zstd with no or byte shuffle,
 * splitting blocks where c-blosc does (its default "forward compatible" mode).
 */
final class Blosc {

	private static final int HEADER = 16;
	private static final int SHUFFLE = 0x1;
	private static final int MEMCPYED = 0x2;
	private static final int BITSHUFFLE = 0x4;
	private static final int DONT_SPLIT = 0x10;
	private static final int LZ4 = 1;
	private static final int ZLIB = 3;
	private static final int ZSTD = 4;
	private static final String[] CODECS = { "blosclz", "lz4", "snappy", "zlib", "zstd" };
	/** Blocks of at least this many elements are split by byte (c-blosc's MIN_BUFFERSIZE). */
	private static final int MIN_SPLIT = 128;
	private static final int MAX_SPLITS = 16;
	private static final int BLOCK_SIZE = 1 << 18;

	private Blosc() {}

	/** The codec's code in the header flags (lz4hc writes lz4 streams). */
	private static int code(final String cname) {
		return cname.equals("lz4hc") ? LZ4 : Arrays.asList(CODECS).indexOf(cname);
	}

	static byte[] encode(final byte[] raw, final int typeSize, final String cname, final int clevel,
		final boolean shuffle)
	{
		final int code = code(cname);
		final int nbytes = raw.length;
		int blockSize = nbytes < typeSize ? 1 : Math.min(nbytes, BLOCK_SIZE);
		if (blockSize > typeSize) blockSize -= blockSize % typeSize;
		final boolean split = code != ZSTD && typeSize <= MAX_SPLITS && blockSize /
			typeSize >= MIN_SPLIT;
		final int flags = (shuffle ? SHUFFLE : 0) | (split ? 0 : DONT_SPLIT) | code << 5;
		if (clevel > 0 && nbytes >= MIN_SPLIT) {
			final int blocks = (nbytes + blockSize - 1) / blockSize;
			final ByteArrayOutputStream out = new ByteArrayOutputStream(nbytes / 2);
			out.write(new byte[HEADER + 4 * blocks], 0, HEADER + 4 * blocks);
			final byte[] starts = new byte[4 * blocks];
			final byte[] shuffled = new byte[blockSize];
			for (int b = 0; b < blocks; b++) {
				putInt(starts, 4 * b, out.size());
				final int start = b * blockSize;
				final int size = Math.min(blockSize, nbytes - start);
				final boolean leftover = size < blockSize;
				final byte[] data = shuffle && typeSize > 1 ? shuffle(raw, start, size, typeSize,
					shuffled) : raw;
				final int from = data == raw ? start : 0;
				final int streams = split && !leftover ? typeSize : 1;
				final int streamSize = size / streams;
				for (int s = 0; s < streams; s++)
					writeStream(out, data, from + s * streamSize, streamSize, code, clevel);
			}
			if (out.size() < nbytes + HEADER) {
				final byte[] frame = out.toByteArray();
				System.arraycopy(starts, 0, frame, HEADER, starts.length);
				return header(frame, flags, typeSize, nbytes, blockSize);
			}
		}
		final byte[] frame = new byte[HEADER + nbytes];
		System.arraycopy(raw, 0, frame, HEADER, nbytes);
		return header(frame, flags | MEMCPYED, typeSize, nbytes, blockSize);
	}

	/**
	 * @throws IllegalArgumentException if the frame is damaged or does not hold {@code expected}
	 *           bytes
	 * @throws UnsupportedOperationException for codecs other than lz4, zlib and zstd
	 */
	static byte[] decode(final byte[] frame, final int expected) {
		if (frame.length < HEADER) throw new IllegalArgumentException("blosc frame of " +
			frame.length + " bytes is shorter than its header");
		final int flags = frame[2] & 0xFF;
		final int typeSize = Math.max(1, frame[3] & 0xFF);
		final int nbytes = getInt(frame, 4);
		final int blockSize = getInt(frame, 8);
		if (nbytes != expected) throw new IllegalArgumentException("blosc frame holds " + nbytes +
			" bytes, the chunk needs " + expected);
		final byte[] out = new byte[nbytes];
		if ((flags & MEMCPYED) != 0) {
			require(frame.length >= HEADER + nbytes, "blosc frame is truncated");
			System.arraycopy(frame, HEADER, out, 0, nbytes);
			return out;
		}
		final int code = flags >>> 5;
		if (code != LZ4 && code != ZLIB && code != ZSTD) throw new UnsupportedOperationException(
			"its blosc codec " + (code < CODECS.length ? CODECS[code] : "#" + code) +
				" is not supported; rewrite the array with blosc cname 'lz4' or 'zstd'");
		require(blockSize > 0, "blosc frame has block size " + blockSize);
		final boolean byteShuffle = (flags & SHUFFLE) != 0 && typeSize > 1;
		final boolean bitShuffle = !byteShuffle && (flags & BITSHUFFLE) != 0;
		final int blocks = (int) ((nbytes + (long) blockSize - 1) / blockSize);
		require(HEADER + 4L * blocks <= frame.length, "blosc frame is truncated");
		final byte[] tmp = new byte[Math.min(blockSize, nbytes)];
		for (int b = 0; b < blocks; b++) {
			final int start = b * blockSize;
			final int size = Math.min(blockSize, nbytes - start);
			final boolean split = (flags & DONT_SPLIT) == 0 && typeSize <= MAX_SPLITS && size /
				typeSize >= MIN_SPLIT && size == blockSize;
			final int streams = split ? typeSize : 1;
			final int streamSize = size / streams;
			final boolean unshuffle = byteShuffle || bitShuffle && size >= typeSize;
			final byte[] target = unshuffle ? tmp : out;
			final int base = unshuffle ? 0 : start;
			int pos = getInt(frame, HEADER + 4 * b);
			for (int s = 0; s < streams; s++) {
				require(pos >= 0 && pos <= frame.length - 4, "blosc block " + b + " is truncated");
				final int length = getInt(frame, pos);
				pos += 4;
				require(length >= 0 && length <= frame.length - pos, "blosc block " + b +
					" is truncated");
				readStream(frame, pos, length, target, base + s * streamSize, streamSize, code);
				pos += length;
			}
			if (byteShuffle) unshuffle(tmp, size, typeSize, out, start);
			else if (unshuffle) bitUnshuffle(tmp, size, typeSize, out, start);
		}
		return out;
	}

	private static void writeStream(final ByteArrayOutputStream out, final byte[] data,
		final int from, final int size, final int code, final int clevel)
	{
		final byte[] packed;
		if (code == ZLIB) packed = Deflate.zlib(data, from, size, clevel);
		else {
			final Compressor c = code == LZ4 ? new Lz4Compressor() : new ZstdCompressor();
			final byte[] buffer = new byte[c.maxCompressedLength(size)];
			packed = Arrays.copyOf(buffer, c.compress(data, from, size, buffer, 0, buffer.length));
		}
		final boolean stored = packed.length == 0 || packed.length >= size;
		final byte[] length = new byte[4];
		putInt(length, 0, stored ? size : packed.length);
		out.write(length, 0, 4);
		if (stored) out.write(data, from, size);
		else out.write(packed, 0, packed.length);
	}

	private static void readStream(final byte[] frame, final int pos, final int length,
		final byte[] out, final int at, final int size, final int code)
	{
		if (length == size) {
			System.arraycopy(frame, pos, out, at, size);
			return;
		}
		if (code == ZLIB) {
			Deflate.unzlib(frame, pos, length, out, at, size);
			return;
		}
		final int n;
		try {
			final Decompressor d = code == LZ4 ? new Lz4Decompressor() : new ZstdDecompressor();
			n = d.decompress(frame, pos, length, out, at, size);
		}
		catch (final RuntimeException e) {
			throw new IllegalArgumentException("blosc " + CODECS[code] + " stream is damaged (" +
				Json.oneLine(e) + ")", e);
		}
		require(n == size, "blosc " + CODECS[code] + " stream gives " + n + " bytes, not " + size);
	}

	/** Groups byte k of every element together: all first bytes, then all second bytes... */
	private static byte[] shuffle(final byte[] src, final int start, final int size,
		final int typeSize, final byte[] dst)
	{
		final int elements = size / typeSize;
		for (int i = 0; i < elements; i++)
			for (int k = 0; k < typeSize; k++)
				dst[k * elements + i] = src[start + i * typeSize + k];
		final int tail = elements * typeSize;
		System.arraycopy(src, start + tail, dst, tail, size - tail);
		return dst;
	}

	private static void unshuffle(final byte[] src, final int size, final int typeSize,
		final byte[] dst, final int start)
	{
		final int elements = size / typeSize;
		for (int k = 0; k < typeSize; k++)
			for (int i = 0; i < elements; i++)
				dst[start + i * typeSize + k] = src[k * elements + i];
		final int tail = elements * typeSize;
		System.arraycopy(src, tail, dst, start + tail, size - tail);
	}

	/**
	 * Undoes bitshuffle: bit j of byte k of element i is bit i % 8 of byte i / 8 of row 8 k + j,
	 * rows being elements / 8 bytes long; blocks whose element count is not a multiple of 8 are
	 * stored as they are, as are the bytes after the last whole element.
	 */
	private static void bitUnshuffle(final byte[] src, final int size, final int typeSize,
		final byte[] dst, final int start)
	{
		final int elements = size / typeSize;
		if (elements % 8 != 0) {
			System.arraycopy(src, 0, dst, start, size);
			return;
		}
		final int row = elements / 8;
		for (int i = 0; i < elements; i++) {
			final int bit = i & 7;
			final int column = i >>> 3;
			for (int k = 0; k < typeSize; k++) {
				int value = 0;
				for (int j = 0; j < 8; j++)
					value |= (src[(8 * k + j) * row + column] >>> bit & 1) << j;
				dst[start + i * typeSize + k] = (byte) value;
			}
		}
		final int tail = elements * typeSize;
		System.arraycopy(src, tail, dst, start + tail, size - tail);
	}

	private static byte[] header(final byte[] frame, final int flags, final int typeSize,
		final int nbytes, final int blockSize)
	{
		frame[0] = 2;
		frame[1] = 1;
		frame[2] = (byte) flags;
		frame[3] = (byte) typeSize;
		putInt(frame, 4, nbytes);
		putInt(frame, 8, blockSize);
		putInt(frame, 12, frame.length);
		return frame;
	}

	private static void require(final boolean condition, final String problem) {
		if (!condition) throw new IllegalArgumentException(problem);
	}

	private static int getInt(final byte[] b, final int at) {
		return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
	}

	private static void putInt(final byte[] b, final int at, final int value) {
		b[at] = (byte) value;
		b[at + 1] = (byte) (value >>> 8);
		b[at + 2] = (byte) (value >>> 16);
		b[at + 3] = (byte) (value >>> 24);
	}
}
