package org.vaetexture.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.vaetexture.VaeTextureException;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.chunked.ChunkTask;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.chunked.ChunkedMapJob;
import org.vaetexture.model.Backend;
import org.vaetexture.model.ModelFingerprint;
import org.vaetexture.model.VaeModel;
import org.vaetexture.segment.TextureClasses;

/**
 * What a Spark task needs to write one chunk, sent from the driver: the model's fingerprint, the
 * map, the saved classes' bytes, the paths and the output's settings. The model's bytes come from
 * a broadcast; each executor JVM loads them once, keeps the model and the job while it lives, and
 * refuses bytes whose fingerprint is not the driver's. ND4J runs one thread per task.
 */
final class ExecutorJob implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The models this JVM has loaded, by fingerprint. */
	private static final Map<String, VaeModel> MODELS = new ConcurrentHashMap<>();
	/** The jobs this JVM has opened (their maps and encoders hold native weights), by {@link #key}. */
	private static final Map<String, ChunkedMapJob> JOBS = new ConcurrentHashMap<>();

	private final String fingerprint, map, input, output, compression;
	private final byte[] classes;
	private final int chunk;

	ExecutorJob(final String fingerprint, final String map, final byte[] classes, final String input,
		final String output, final int chunk, final String compression)
	{
		this.fingerprint = fingerprint;
		this.map = map;
		this.classes = classes;
		this.input = input;
		this.output = output;
		this.chunk = chunk;
		this.compression = compression;
	}

	/** Writes the task's chunk unless it is there; true if it was written now. */
	boolean run(final byte[] modelBytes, final ChunkTask task) {
		return JOBS.computeIfAbsent(key(), k -> open(MODELS.computeIfAbsent(fingerprint, f -> load(
			modelBytes)))).runChunk(task);
	}

	/** What tells this job from another a long-lived executor may run. */
	private String key() {
		return String.join("|", fingerprint, map, classes == null ? "" : new String(classes,
			StandardCharsets.UTF_8), input, output, Integer.toString(chunk), compression);
	}

	private ChunkedMapJob open(final VaeModel model) {
		final TextureClasses saved = classes == null ? null : fromFile(classes, ".json",
			VaeTexture::loadClasses);
		return VaeTexture.mapJob(model, Path.of(input), Path.of(output), ChunkedMap.named(map, saved),
			chunk, compression);
	}

	private VaeModel load(final byte[] bytes) {
		Backend.useThreads(1);
		final VaeModel model = fromFile(bytes, ".zip", VaeTexture::load);
		if (!ModelFingerprint.of(model).equals(fingerprint)) throw new VaeTextureException(
			"the model an executor received has fingerprint " + ModelFingerprint.of(model) +
				", not the driver's " + fingerprint + "; submit the job again");
		return model;
	}

	/** Reads bytes with a reader of files, through a temporary file deleted at once. */
	private static <T> T fromFile(final byte[] bytes, final String suffix,
		final Function<Path, T> reader)
	{
		try {
			final Path file = Files.createTempFile("vae-texture-", suffix);
			try {
				Files.write(file, bytes);
				return reader.apply(file);
			}
			finally {
				Files.delete(file);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot write a temporary file for the job", e);
		}
	}
}
