package org.vaetexture.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.vaetexture.VaeTextureException;

/**
 * An N5 dataset, read only: a folder with attributes.json and one file per block at
 * {@code <i_x>/<i_y>/...}, each a big-endian header (mode, dimensions, the block's own size, edge
 * blocks being smaller) and big-endian data, raw, gzip-, zlib- or blosc-compressed. N5 lists
 * dimensions x first; this class gives them in C order, x last.
 */
public final class N5Array implements ChunkedArray {

	/** The keys of attributes.json that describe the dataset. */
	static final String[] KEYS = { "dimensions", "blockSize", "dataType", "compression",
		"compressionType" };

	private final Path dir;
	private final long[] shape;
	private final int[] blockSize;
	private final DataType type;
	private final ZarrCodec codec;

	private N5Array(final Path dir, final JsonObject meta) {
		this.dir = dir;
		shape = Dims.reversed(Dims.longs(meta.getAsJsonArray("dimensions")));
		blockSize = Dims.reversed(Dims.ints(meta.getAsJsonArray("blockSize")));
		Dims.require(shape, blockSize);
		final String dataType = meta.get("dataType").getAsString();
		DataType t = null;
		for (final DataType candidate : DataType.values())
			if (candidate.name().equalsIgnoreCase(dataType)) t = candidate;
		if (t == null) throw problem(dir, "its dataType '" + dataType +
			"' is not supported; rewrite the dataset as " + DataType.NAMES);
		type = t;
		codec = codec(dir, meta);
	}

	/**
	 * Opens the dataset in {@code dir}.
	 *
	 * @throws VaeTextureException if there is no dataset or it is not supported, saying what to
	 *           change
	 */
	public static N5Array open(final Path dir) {
		final JsonObject meta = Json.readIfExists(dir.resolve("attributes.json"));
		if (meta == null || !meta.has("dimensions")) throw problem(dir,
			"it has no attributes.json with dimensions; give the folder of an N5 dataset");
		try {
			return new N5Array(dir, meta);
		}
		catch (final VaeTextureException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw problem(dir, "its attributes.json is not valid N5 metadata (" + Json.oneLine(e) +
				"); rewrite the dataset");
		}
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] chunkShape() {
		return blockSize.clone();
	}

	@Override
	public DataType dataType() {
		return type;
	}

	@Override
	public float[] read(final long[] offset, final int[] size) {
		return BoxReader.read(shape, blockSize, 0, offset, size, this::readBlock);
	}

	private Block readBlock(final long[] index) {
		Path file = dir;
		for (int d = index.length - 1; d >= 0; d--)
			file = file.resolve(Long.toString(index[d]));
		final byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (final NoSuchFileException e) {
			return null;
		}
		catch (final IOException e) {
			throw new VaeTextureException("cannot read block '" + file + "': " + Json.oneLine(e) +
				"; check that the file is readable");
		}
		final ByteBuffer b = ByteBuffer.wrap(content).order(ByteOrder.BIG_ENDIAN);
		final int[] size = new int[shape.length];
		final int count;
		try {
			final int mode = b.getShort() & 0xFFFF;
			if (mode > 1) throw new VaeTextureException("cannot read '" + file +
				"': its block mode " + mode +
				" is not supported; rewrite the dataset with default blocks");
			final int ndim = b.getShort() & 0xFFFF;
			if (ndim != shape.length) throw new IllegalArgumentException("it has " + ndim +
				" dimensions, not " + shape.length);
			for (int d = ndim - 1; d >= 0; d--)
				size[d] = b.getInt();
			count = mode == 1 ? b.getInt() : (int) Dims.product(size);
			if (count < Dims.product(size) || Arrays.stream(size).anyMatch(s -> s < 0))
				throw new IllegalArgumentException("it holds " + count + " values for a block of " +
					Arrays.toString(size));
		}
		catch (final VaeTextureException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw new VaeTextureException("cannot read block '" + file +
				"': its header is damaged (" + Json.oneLine(e) + "); rewrite the dataset", e);
		}
		final byte[] stored = Arrays.copyOfRange(content, b.position(), content.length);
		return new Block(type.toFloats(codec.decode(stored, count * type.bytes(), file),
			ByteOrder.BIG_ENDIAN), size);
	}

	/** The codec of N5's "compression" (or legacy "compressionType"): raw, gzip or blosc. */
	private static ZarrCodec codec(final Path dir, final JsonObject meta) {
		final JsonObject compression = meta.has("compression") ? meta.getAsJsonObject("compression")
			: new JsonObject();
		final JsonElement legacy = meta.get("compressionType");
		final String kind = compression.has("type") ? compression.get("type").getAsString()
			: legacy != null ? legacy.getAsString() : "raw";
		if (kind.equals("raw")) return ZarrCodec.raw();
		if (kind.equals("gzip")) return compression.has("useZlib") && compression.get("useZlib")
			.getAsBoolean() ? ZarrCodec.zlib(0) : ZarrCodec.gzip(0);
		if (kind.equals("blosc")) try {
			final JsonObject blosc = compression.deepCopy();
			blosc.addProperty("id", "blosc");
			return ZarrCodec.fromJson(blosc);
		}
		catch (final IllegalArgumentException e) {
			throw problem(dir, "its attributes.json " + e.getMessage());
		}
		throw problem(dir, "its compression '" + kind +
			"' is not supported; rewrite the dataset with gzip, blosc or raw compression");
	}

	private static VaeTextureException problem(final Path dir, final String problem) {
		return new VaeTextureException("cannot read '" + dir + "': " + problem);
	}
}
