package org.vaetexture.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Seeded mutations of a model file's bytes, for fuzzing the loader: byte flips, truncation, zip
 * entries deleted or duplicated, JSON values replaced by other types, absurd numbers or nothing,
 * and float values replaced by non-finite or huge ones. Structural mutations rebuild the zip with
 * valid checksums, so that the loader has to judge the content, not the CRC.
 */
final class ModelMutations {

	/** The kinds of mutation, in the order {@link #mutate} cycles through them. */
	enum Kind {
		BYTE_FLIPS, TRUNCATION, ENTRY_DELETED, ENTRY_DUPLICATED, JSON_VALUE, FLOAT_VALUE
	}

	private static final JsonElement[] ODD_VALUES = { new JsonPrimitive("text"), new JsonPrimitive(
		-1), new JsonPrimitive(0), new JsonPrimitive(2147483648L), new JsonPrimitive(1e300),
		new JsonPrimitive(1000000000), new JsonPrimitive(0.5), new JsonPrimitive(true),
		JsonNull.INSTANCE, new JsonArray(), new JsonObject() };
	private static final float[] ODD_FLOATS = { Float.NaN, Float.POSITIVE_INFINITY, -Float.MAX_VALUE,
		1e30f, 0 };

	private final byte[] original;
	private final List<Map.Entry<String, byte[]>> entries;

	ModelMutations(final byte[] modelFile) {
		original = modelFile;
		entries = unzip(modelFile);
	}

	/** Names of the original's entries. */
	List<String> names() {
		final List<String> names = new ArrayList<>();
		for (final Map.Entry<String, byte[]> e : entries)
			names.add(e.getKey());
		return names;
	}

	/** A mutated copy of the model file. */
	byte[] mutate(final Kind kind, final Random random) {
		switch (kind) {
			case BYTE_FLIPS: {
				final byte[] b = original.clone();
				for (int k = 1 + random.nextInt(8); k > 0; k--)
					b[random.nextInt(b.length)] = (byte) random.nextInt(256);
				return b;
			}
			case TRUNCATION:
				return Arrays.copyOf(original, random.nextInt(original.length));
			case ENTRY_DELETED: {
				final List<Map.Entry<String, byte[]>> e = new ArrayList<>(entries);
				e.remove(random.nextInt(e.size()));
				return zip(e);
			}
			case ENTRY_DUPLICATED: {
				final List<Map.Entry<String, byte[]>> e = new ArrayList<>(entries);
				final Map.Entry<String, byte[]> copy = e.get(random.nextInt(e.size()));
				final byte[] content = random.nextBoolean() ? copy.getValue() : e.get(random.nextInt(e
					.size())).getValue();
				e.add(random.nextInt(e.size() + 1), new SimpleEntry<>(copy.getKey(), content));
				return zip(e);
			}
			case JSON_VALUE:
				return withEntry(ModelFile.METADATA, mutateJson(new String(entry(ModelFile.METADATA),
					StandardCharsets.UTF_8), random).getBytes(StandardCharsets.UTF_8));
			case FLOAT_VALUE: {
				final List<String> floats = new ArrayList<>();
				for (final String name : names())
					if (name.endsWith(".f32")) floats.add(name);
				final String name = floats.get(random.nextInt(floats.size()));
				final ByteBuffer b = ByteBuffer.wrap(entry(name).clone()).order(ByteOrder.LITTLE_ENDIAN);
				b.putFloat(4 * random.nextInt(b.capacity() / 4), ODD_FLOATS[random.nextInt(
					ODD_FLOATS.length)]);
				return withEntry(name, b.array());
			}
			default:
				throw new AssertionError(kind);
		}
	}

	/** The JSON with one value (anywhere in the tree) replaced by an odd one, or removed. */
	private static String mutateJson(final String json, final Random random) {
		final JsonElement root = JsonParser.parseString(json);
		final List<JsonElement> containers = new ArrayList<>();
		collect(root, containers);
		final JsonElement parent = containers.get(random.nextInt(containers.size()));
		final boolean remove = random.nextInt(8) == 0;
		final JsonElement value = ODD_VALUES[random.nextInt(ODD_VALUES.length)].deepCopy();
		if (parent.isJsonObject()) {
			final List<String> keys = new ArrayList<>(parent.getAsJsonObject().keySet());
			final String key = keys.get(random.nextInt(keys.size()));
			if (remove) parent.getAsJsonObject().remove(key);
			else parent.getAsJsonObject().add(key, value);
		}
		else {
			final JsonArray array = parent.getAsJsonArray();
			final int i = random.nextInt(array.size());
			if (remove) array.remove(i);
			else array.set(i, value);
		}
		return root.toString();
	}

	/** Every non-empty object and array of the tree. */
	private static void collect(final JsonElement e, final List<JsonElement> out) {
		if (e.isJsonObject() && e.getAsJsonObject().size() > 0) {
			out.add(e);
			for (final Map.Entry<String, JsonElement> child : e.getAsJsonObject().entrySet())
				collect(child.getValue(), out);
		}
		else if (e.isJsonArray() && e.getAsJsonArray().size() > 0) {
			out.add(e);
			for (final JsonElement child : e.getAsJsonArray())
				collect(child, out);
		}
	}

	private byte[] entry(final String name) {
		for (final Map.Entry<String, byte[]> e : entries)
			if (e.getKey().equals(name)) return e.getValue();
		throw new IllegalArgumentException(name);
	}

	private byte[] withEntry(final String name, final byte[] content) {
		final List<Map.Entry<String, byte[]>> e = new ArrayList<>();
		for (final Map.Entry<String, byte[]> old : entries)
			e.add(old.getKey().equals(name) ? new SimpleEntry<>(name, content) : old);
		return zip(e);
	}

	private static List<Map.Entry<String, byte[]>> unzip(final byte[] bytes) {
		final List<Map.Entry<String, byte[]>> e = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry())
				e.add(new SimpleEntry<>(z.getName(), in.readAllBytes()));
		}
		catch (final IOException x) {
			throw new UncheckedIOException(x);
		}
		return e;
	}

	/**
	 * A zip of the entries in order. ZipOutputStream refuses a name twice, so a repeated name is
	 * written under a stand-in of the same length and patched back in the finished bytes.
	 */
	private static byte[] zip(final List<Map.Entry<String, byte[]>> entries) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final List<String[]> patches = new ArrayList<>();
		final List<String> used = new ArrayList<>();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (final Map.Entry<String, byte[]> e : entries) {
				String name = e.getKey();
				if (used.contains(name)) {
					final String standIn = name.substring(0, name.length() - 1) + '~';
					patches.add(new String[] { standIn, name });
					name = standIn;
				}
				used.add(name);
				out.putNextEntry(new ZipEntry(name));
				out.write(e.getValue());
				out.closeEntry();
			}
		}
		catch (final IOException x) {
			throw new UncheckedIOException(x);
		}
		final byte[] result = bytes.toByteArray();
		for (final String[] p : patches)
			replaceAll(result, p[0].getBytes(StandardCharsets.UTF_8), p[1].getBytes(
				StandardCharsets.UTF_8));
		return result;
	}

	private static void replaceAll(final byte[] data, final byte[] from, final byte[] to) {
		for (int i = 0; i + from.length <= data.length; i++)
			if (Arrays.equals(data, i, i + from.length, from, 0, from.length)) System.arraycopy(to, 0,
				data, i, to.length);
	}
}
