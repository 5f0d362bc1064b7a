package org.vaetexture.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;

/** The JSON metadata files of Zarr and N5: read with one-line errors, written atomically. */
final class Json {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
		.disableHtmlEscaping().create();

	private Json() {}

	/**
	 * The object in a JSON file, or null if there is no such file.
	 *
	 * @throws VaeTextureException if it cannot be read or holds no JSON object
	 */
	static JsonObject readIfExists(final Path file) {
		if (!Files.isRegularFile(file)) return null;
		try {
			final JsonElement json = JsonParser.parseString(Files.readString(file,
				StandardCharsets.UTF_8));
			if (json.isJsonObject()) return json.getAsJsonObject();
			throw new VaeTextureException("cannot read '" + file +
				"': it holds no JSON object; rewrite it");
		}
		catch (final IOException | JsonParseException e) {
			throw new VaeTextureException("cannot read '" + file + "': " + oneLine(e) +
				"; repair or rewrite it", e);
		}
	}

	/** Writes a JSON file atomically. */
	static void write(final Path file, final JsonElement json) {
		AtomicFiles.write(file, "metadata", f -> Files.writeString(f, GSON.toJson(json) + "\n",
			StandardCharsets.UTF_8));
	}

	static JsonElement toJson(final Object value) {
		return GSON.toJsonTree(value);
	}

	/** An object's members as an unmodifiable map (numbers as doubles), minus the given keys. */
	static Map<String, Object> toMap(final JsonObject json, final String... without) {
		final JsonObject copy = json.deepCopy();
		for (final String key : without)
			copy.remove(key);
		final Map<String, Object> map = GSON.fromJson(copy,
			new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
		return Collections.unmodifiableMap(map);
	}

	/** An exception's class and message on one line. */
	/** A JSON string's value; null for an absent element, a null, or anything but a string. */
	static String string(final JsonElement e) {
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString()
			: null;
	}

	static String oneLine(final Throwable e) {
		return (e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()))
			.replaceAll("\\s+", " ").trim();
	}
}
