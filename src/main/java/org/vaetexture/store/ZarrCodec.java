package org.vaetexture.store;

import java.nio.file.Path;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.vaetexture.VaeTextureException;

/**
 * A Zarr v2 compressor: raw (none), zlib, gzip, or blosc with cname lz4, zstd or zlib, a level and
 * shuffle 0 (none) or 1 (byte). Its spec, for options and {@link #toString}, is "raw", "zlib",
 * "gzip", "blosc-lz4", "blosc-zstd" or "blosc-zlib", with an optional ":level" (0-9, default 5),
 * blosc with byte shuffle. The pure-Java lz4 and zstd encoders have one speed: for them the level
 * is only recorded.
 */
public final class ZarrCodec {

	private static final String CHOICES =
		"raw, zlib, gzip, blosc-lz4, blosc-zstd or blosc-zlib, optionally with :level (0-9)";
	private static final int DEFAULT_LEVEL = 5;

	private final String id;
	private final String cname;
	private final int level;
	private final int shuffle;

	private ZarrCodec(final String id, final String cname, final int level, final int shuffle) {
		this.id = id;
		this.cname = cname;
		this.level = level;
		this.shuffle = shuffle;
	}

	/** No compression: chunks are stored as their bytes. */
	public static ZarrCodec raw() {
		return new ZarrCodec("raw", null, 0, 0);
	}

	/** zlib (deflate with the zlib header) at a level 0-9. */
	public static ZarrCodec zlib(final int level) {
		return new ZarrCodec("zlib", null, requireLevel(level), 0);
	}

	/** gzip at a level 0-9. */
	public static ZarrCodec gzip(final int level) {
		return new ZarrCodec("gzip", null, requireLevel(level), 0);
	}

	/**
	 * Blosc with cname "lz4", "zstd" or "zlib", clevel 0-9, shuffle 0 (none) or 1 (byte).
	 *
	 * @throws IllegalArgumentException otherwise
	 */
	public static ZarrCodec blosc(final String cname, final int clevel, final int shuffle) {
		if (!"lz4".equals(cname) && !"zstd".equals(cname) && !"zlib".equals(cname))
			throw new IllegalArgumentException("blosc cname '" + cname +
				"' is not one of lz4, zstd, zlib");
		if (shuffle != 0 && shuffle != 1) throw new IllegalArgumentException("blosc shuffle " +
			shuffle + " is not 0 (none) or 1 (byte)");
		return new ZarrCodec("blosc", cname, requireLevel(clevel), shuffle);
	}

	/**
	 * The codec of a spec such as "blosc-zstd:3".
	 *
	 * @throws VaeTextureException if the spec is none of the choices, listing them
	 */
	public static ZarrCodec parse(final String spec) {
		final String[] parts = spec.trim().split(":", -1);
		try {
			if (parts.length <= 2) {
				final int level = parts.length == 2 ? Integer.parseInt(parts[1]) : DEFAULT_LEVEL;
				if (parts[0].equals("raw") && parts.length == 1) return raw();
				if (parts[0].equals("zlib")) return zlib(level);
				if (parts[0].equals("gzip")) return gzip(level);
				if (parts[0].startsWith("blosc-")) return blosc(parts[0].substring(6), level, 1);
			}
		}
		catch (final IllegalArgumentException e) {
			// a bad level or cname: the message below lists the choices
		}
		throw new VaeTextureException("unknown compression '" + spec + "'; choose " + CHOICES);
	}

	/** The bytes to store for a chunk's bytes, whose elements have {@code typeSize} bytes. */
	public byte[] encode(final byte[] raw, final int typeSize) {
		switch (id) {
			case "raw": return raw;
			case "zlib": return Deflate.zlib(raw, 0, raw.length, level);
			case "gzip": return Deflate.gzip(raw, level);
			default: return Blosc.encode(raw, typeSize, cname, level, shuffle == 1);
		}
	}

	/**
	 * The chunk bytes that {@code stored} holds.
	 *
	 * @throws IllegalArgumentException if they are damaged or are not {@code expectedBytes} long
	 * @throws UnsupportedOperationException for Blosc frames of a codec this reader lacks
	 */
	public byte[] decode(final byte[] stored, final int expectedBytes) {
		switch (id) {
			case "raw":
				if (stored.length != expectedBytes) throw new IllegalArgumentException("it holds " +
					stored.length + " bytes, not " + expectedBytes);
				return stored;
			case "zlib":
				final byte[] out = new byte[expectedBytes];
				Deflate.unzlib(stored, 0, stored.length, out, 0, expectedBytes);
				return out;
			case "gzip": return Deflate.gunzip(stored, expectedBytes);
			default: return Blosc.decode(stored, expectedBytes);
		}
	}

	/**
	 * The chunk bytes that {@code file}'s content {@code stored} holds.
	 *
	 * @throws VaeTextureException naming the file if it is damaged or uses an unsupported codec
	 */
	byte[] decode(final byte[] stored, final int expectedBytes, final Path file) {
		try {
			return decode(stored, expectedBytes);
		}
		catch (final UnsupportedOperationException e) {
			throw new VaeTextureException("cannot read '" + file + "': " + e.getMessage());
		}
		catch (final RuntimeException e) {
			throw new VaeTextureException("cannot read chunk '" + file + "': it is damaged (" +
				(e instanceof IllegalArgumentException ? e.getMessage() : Json.oneLine(e)) +
				"); rewrite the array or delete this chunk", e);
		}
	}

	/** The .zarray "compressor" value: null for raw. */
	JsonElement toJson() {
		if (id.equals("raw")) return JsonNull.INSTANCE;
		final JsonObject json = new JsonObject();
		json.addProperty("id", id);
		if (id.equals("blosc")) {
			json.addProperty("cname", cname);
			json.addProperty("clevel", level);
			json.addProperty("shuffle", shuffle);
			json.addProperty("blocksize", 0);
		}
		else json.addProperty("level", level);
		return json;
	}

	/**
	 * The codec of a .zarray "compressor" value (blosc also with cname lz4hc, whose frames lz4
	 * reads, and any shuffle, which frames state themselves).
	 *
	 * @throws IllegalArgumentException saying what is not supported and what to use instead
	 */
	static ZarrCodec fromJson(final JsonElement json) {
		if (json == null || json.isJsonNull()) return raw();
		if (!json.isJsonObject() || !json.getAsJsonObject().has("id"))
			throw new IllegalArgumentException("compressor " + json + " has no id");
		final JsonObject o = json.getAsJsonObject();
		final String id = o.get("id").getAsString();
		final int level = o.has("level") ? o.get("level").getAsInt() : o.has("clevel") ? o.get(
			"clevel").getAsInt() : DEFAULT_LEVEL;
		if (id.equals("zlib") || id.equals("gzip")) return new ZarrCodec(id, null, level, 0);
		if (!id.equals("blosc")) throw new IllegalArgumentException("compressor '" + id +
			"' is not supported; rewrite the array with blosc (lz4 or zstd), zlib, gzip or none");
		final String cname = o.has("cname") ? o.get("cname").getAsString() : "lz4";
		if (!cname.matches("lz4|lz4hc|zstd|zlib")) throw new IllegalArgumentException(
			"blosc cname '" + cname +
				"' is not supported; rewrite the array with cname 'lz4' or 'zstd'");
		return new ZarrCodec(id, cname, level, o.has("shuffle") ? o.get("shuffle").getAsInt() : 1);
	}

	private static int requireLevel(final int level) {
		if (level < 0 || level > 9) throw new IllegalArgumentException("compression level " +
			level + " is not in 0-9");
		return level;
	}

	@Override
	public String toString() {
		if (id.equals("raw")) return id;
		return (id.equals("blosc") ? "blosc-" + cname : id) + ":" + level + (id.equals("blosc") &&
			shuffle != 1 ? " (shuffle " + shuffle + ")" : "");
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof ZarrCodec)) return false;
		final ZarrCodec c = (ZarrCodec) o;
		return id.equals(c.id) && Objects.equals(cname, c.cname) && level == c.level &&
			shuffle == c.shuffle;
	}

	@Override
	public int hashCode() {
		return Objects.hash(id, cname, level, shuffle);
	}
}
