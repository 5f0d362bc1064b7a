package org.vaetexture.store;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;

/**
 * A Zarr v2 array: a folder with a .zarray (and optionally .zattrs) and one file per chunk, named
 * by its chunk index joined with "." or "/". Chunks are stored whole, in C order, compressed by a
 * {@link ZarrCodec}; filters and F order are not supported.
 */
public final class ZarrArray implements ChunkedArray {

	private static final Pattern DTYPE = Pattern.compile("([<>|])([uif])([1248])");

	private final Path dir;
	private final long[] shape;
	private final int[] chunks;
	private final DataType type;
	private final ByteOrder order;
	private final ZarrCodec codec;
	private final float fill;
	private final String separator;
	private final Map<String, Object> attributes;

	private ZarrArray(final Path dir, final JsonObject meta, final Map<String, Object> attributes) {
		this.dir = dir;
		this.attributes = attributes;
		final JsonElement format = meta.get("zarr_format");
		if (format != null && format.getAsInt() != 2) throw problem(dir,
			"its .zarray says zarr_format " + format +
				"; only Zarr v2 is supported - rewrite the array as Zarr v2");
		shape = Dims.longs(meta.getAsJsonArray("shape"));
		chunks = Dims.ints(meta.getAsJsonArray("chunks"));
		Dims.require(shape, chunks);
		final String dtype = meta.get("dtype").getAsString();
		final Matcher m = DTYPE.matcher(dtype);
		type = m.matches() ? DataType.of(m.group(2).charAt(0), Integer.parseInt(m.group(3))) : null;
		if (type == null) throw problem(dir, "its .zarray dtype '" + dtype +
			"' is not supported; rewrite the array as " + DataType.NAMES);
		order = m.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		final String layout = meta.has("order") ? meta.get("order").getAsString() : "C";
		if (!layout.equals("C")) throw problem(dir, "its .zarray says order " + layout +
			"; only C order is supported - rewrite the array with order='C'");
		final JsonElement filters = meta.get("filters");
		if (filters != null && !filters.isJsonNull() && filters.getAsJsonArray().size() > 0) {
			final JsonElement filter = filters.getAsJsonArray().get(0);
			throw problem(dir, "its .zarray lists the filter " + (filter.isJsonObject() ? filter
				.getAsJsonObject().get("id") : filter) +
				"; filters are not supported - rewrite the array without filters");
		}
		separator = meta.has("dimension_separator") ? meta.get("dimension_separator").getAsString()
			: ".";
		if (!separator.equals(".") && !separator.equals("/")) throw problem(dir,
			"its .zarray dimension_separator '" + separator +
				"' is not '.' or '/'; rewrite the array");
		try {
			codec = ZarrCodec.fromJson(meta.get("compressor"));
		}
		catch (final IllegalArgumentException e) {
			throw problem(dir, "its .zarray " + e.getMessage());
		}
		fill = fillValue(meta.get("fill_value"));
		if (Dims.product(chunks) * type.bytes() > Integer.MAX_VALUE - 8) throw problem(dir,
			"its chunks of " + Arrays.toString(chunks) +
				" are too large; rewrite it with smaller chunks");
	}

	/**
	 * Opens the array in {@code dir}.
	 *
	 * @throws VaeTextureException if there is no array or it is not supported, saying what to
	 *           change
	 */
	public static ZarrArray open(final Path dir) {
		final JsonObject meta = Json.readIfExists(dir.resolve(".zarray"));
		if (meta == null) throw problem(dir,
			"it has no .zarray; give the folder of a Zarr array or OME-Zarr image");
		final JsonObject attrs = Json.readIfExists(dir.resolve(".zattrs"));
		try {
			return new ZarrArray(dir, meta, attrs == null ? Map.of() : Json.toMap(attrs));
		}
		catch (final VaeTextureException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw problem(dir, "its .zarray is not valid Zarr v2 metadata (" + Json.oneLine(e) +
				"); rewrite the array");
		}
	}

	/**
	 * Creates the array (writes .zarray atomically, and .zattrs if attributes are given) with fill
	 * value 0, or, when {@code dir} already holds an array with the same shape, chunks, type,
	 * compressor and attributes, opens it, so that a restarted or parallel job can call this again.
	 *
	 * @throws VaeTextureException if {@code dir} holds a different array or cannot be written
	 */
	public static ZarrArray create(final Path dir, final long[] shape, final int[] chunks,
		final DataType type, final ZarrCodec codec, final Map<String, Object> attributes)
	{
		Dims.require(shape, chunks);
		if (Dims.product(chunks) * type.bytes() > Integer.MAX_VALUE - 8) throw new VaeTextureException(
			"cannot create '" + dir + "': chunks of " + Arrays.toString(chunks) + " " + type.name()
				.toLowerCase(java.util.Locale.ROOT) + " values are too large; choose a smaller --chunk");
		final JsonElement attrs = Json.toJson(attributes);
		if (!Files.exists(dir.resolve(".zarray"))) {
			try {
				Files.createDirectories(dir);
			}
			catch (final IOException e) {
				throw new VaeTextureException("cannot create '" + dir + "': " + Json.oneLine(e) +
					"; choose a writable folder");
			}
			if (!attributes.isEmpty()) Json.write(dir.resolve(".zattrs"), attrs);
			final JsonObject meta = new JsonObject();
			meta.addProperty("zarr_format", 2);
			meta.add("shape", Json.toJson(shape));
			meta.add("chunks", Json.toJson(chunks));
			meta.addProperty("dtype", type.zarrDtype());
			meta.add("compressor", codec.toJson());
			meta.addProperty("fill_value", 0);
			meta.addProperty("order", "C");
			meta.add("filters", JsonNull.INSTANCE);
			meta.addProperty("dimension_separator", ".");
			Json.write(dir.resolve(".zarray"), meta);
		}
		final ZarrArray a = open(dir);
		final String difference = a.difference(shape, chunks, type, codec, attrs);
		if (difference != null) throw new VaeTextureException("cannot create '" + dir +
			"': it already holds an array whose " + difference +
			"; delete it or choose another output");
		return a;
	}

	/** How this array differs from the one described, or null if it does not. */
	private String difference(final long[] shape, final int[] chunks, final DataType type,
		final ZarrCodec codec, final JsonElement attrs)
	{
		if (!Arrays.equals(this.shape, shape)) return "shape is " + Arrays.toString(this.shape) +
			", not " + Arrays.toString(shape);
		if (!Arrays.equals(this.chunks, chunks)) return "chunks are " + Arrays.toString(
			this.chunks) + ", not " + Arrays.toString(chunks);
		if (this.type != type) return "type is " + this.type + ", not " + type;
		if (!this.codec.equals(codec)) return "compression is " + this.codec + ", not " + codec;
		if (!Json.toJson(attributes).equals(attrs)) return "attributes differ";
		return null;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] chunkShape() {
		return chunks.clone();
	}

	@Override
	public DataType dataType() {
		return type;
	}

	/** How chunks are compressed. */
	public ZarrCodec codec() {
		return codec;
	}

	/** The array's folder. */
	public Path path() {
		return dir;
	}

	/** The attributes of .zattrs (empty if none). */
	public Map<String, Object> attributes() {
		return attributes;
	}

	/** The number of chunks per dimension. */
	public long[] chunkGrid() {
		final long[] grid = new long[shape.length];
		for (int d = 0; d < grid.length; d++)
			grid[d] = (shape[d] + chunks[d] - 1) / chunks[d];
		return grid;
	}

	/** Whether the chunk at this chunk index has been written. */
	public boolean chunkExists(final long[] chunkIndex) {
		return Files.isRegularFile(chunkFile(chunkIndex));
	}

	@Override
	public float[] read(final long[] offset, final int[] size) {
		return BoxReader.read(shape, chunks, fill, offset, size, this::readChunk);
	}

	/**
	 * Writes one chunk atomically (a temporary file in the same folder, then an atomic move).
	 * Thread-safe for different chunks.
	 *
	 * @param values the part of the chunk inside the array (edge chunks are smaller), in C order;
	 *          stored padded with the fill value to the whole chunk. Integers are rounded and
	 *          clamped to the type's range, NaN stored as 0.
	 * @throws IllegalArgumentException if the index is outside the grid or the values do not fit
	 */
	public void writeChunk(final long[] chunkIndex, final float[] values) {
		final Path file = chunkFile(chunkIndex);
		final int[] inner = new int[shape.length];
		for (int d = 0; d < inner.length; d++)
			inner[d] = (int) Math.min(chunks[d], shape[d] - chunkIndex[d] * chunks[d]);
		if (Dims.product(inner) != values.length) throw new IllegalArgumentException(values.length +
			" values for chunk " + Arrays.toString(chunkIndex) + " of " + Arrays.toString(inner));
		final float[] whole = Arrays.equals(inner, chunks) ? values : BoxReader.read(Dims.longs(
			chunks), chunks, fill, new long[chunks.length], chunks, i -> new Block(values, inner));
		final byte[] stored = codec.encode(type.toBytes(whole, order), type.bytes());
		try {
			Files.createDirectories(file.getParent());
		}
		catch (final IOException e) {
			throw new VaeTextureException("cannot write chunk '" + file + "': " + Json.oneLine(e) +
				"; choose a writable folder");
		}
		AtomicFiles.writeBytes(file, stored);
	}

	private Block readChunk(final long[] chunkIndex) {
		final Path file = chunkFile(chunkIndex);
		final byte[] stored;
		try {
			stored = Files.readAllBytes(file);
		}
		catch (final NoSuchFileException e) {
			return null;
		}
		catch (final IOException e) {
			throw new VaeTextureException("cannot read chunk '" + file + "': " + Json.oneLine(e) +
				"; check that the file is readable");
		}
		final int bytes = (int) Dims.product(chunks) * type.bytes();
		return new Block(type.toFloats(codec.decode(stored, bytes, file), order), chunks);
	}

	private Path chunkFile(final long[] chunkIndex) {
		final long[] grid = chunkGrid();
		boolean inside = chunkIndex.length == grid.length;
		final StringBuilder key = new StringBuilder();
		for (int d = 0; inside && d < grid.length; d++) {
			inside = chunkIndex[d] >= 0 && chunkIndex[d] < grid[d];
			key.append(d == 0 ? "" : separator).append(chunkIndex[d]);
		}
		if (!inside) throw new IllegalArgumentException("chunk " + Arrays.toString(chunkIndex) +
			" is outside the grid " + Arrays.toString(grid));
		return dir.resolve(key.toString());
	}

	private static float fillValue(final JsonElement json) {
		if (json == null || json.isJsonNull()) return 0;
		if (json.getAsJsonPrimitive().isNumber()) return json.getAsFloat();
		switch (json.getAsString()) {
			case "NaN": return Float.NaN;
			case "Infinity": return Float.POSITIVE_INFINITY;
			case "-Infinity": return Float.NEGATIVE_INFINITY;
			default: throw new IllegalArgumentException("fill_value " + json + " is not a number");
		}
	}

	private static VaeTextureException problem(final Path dir, final String problem) {
		return new VaeTextureException("cannot read '" + dir + "': " + problem);
	}
}
