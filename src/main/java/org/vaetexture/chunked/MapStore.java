package org.vaetexture.chunked;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.vaetexture.VaeTextureException;
import org.vaetexture.store.DataType;
import org.vaetexture.store.OmeZarr;
import org.vaetexture.store.ZarrArray;
import org.vaetexture.store.ZarrCodec;

/**
 * The OME-Zarr image a block-wise job writes a map into: axes t, c, z, y, x as the input has them
 * (c only for a map of several channels), one chunk per job task, and a "vae-texture" attribute
 * naming the map, the model's fingerprint and the input's path, so that a restarted job, or another
 * of a job array, adds to it only with the same model, map and input.
 */
final class MapStore {

	/** The group attribute that records what wrote the map. */
	static final String ATTRIBUTE = "vae-texture";

	private MapStore() {}

	/**
	 * Creates the output, or opens it when an earlier run of the same map with the same model (and
	 * classes) of the same input made it, or is making it (a job array's parts start together: a
	 * folder with only the group's and the array's metadata is taken as theirs). Outputs written
	 * before the input was recorded are taken whatever the input.
	 *
	 * @param source the input's absolute path, or null for an image in memory
	 * @param classes the labels' classes' fingerprint, or null
	 * @throws VaeTextureException if it holds anything else
	 */
	static ZarrArray create(final Path output, final OutputAxes axes, final String image,
		final String source, final String map, final String model, final String classes,
		final ZarrCodec codec, final DataType type)
	{
		final Map<String, Object> origin = new LinkedHashMap<>();
		origin.put("map", map);
		origin.put("model", model);
		if (classes != null) origin.put("classes", classes);
		if (source != null) origin.put("input", source);
		if (Files.exists(output.resolve(".zattrs"))) requireSameOrigin(output, origin);
		else if (Files.exists(output)) requireOnlyMetadata(output);
		return OmeZarr.create(output, map + " of " + image, axes.names(), axes.calibration(), axes
			.shape(), axes.chunks(), type, codec, Map.of(ATTRIBUTE, origin)).writable();
	}

	private static void requireSameOrigin(final Path output, final Map<String, Object> wanted) {
		final Object found = OmeZarr.isChunkedStore(output) ? OmeZarr.open(output).attributes().get(
			ATTRIBUTE) : null;
		if (!(found instanceof Map)) throw notOurs(output);
		final Map<?, ?> o = (Map<?, ?>) found;
		if (!wanted.get("map").equals(o.get("map"))) throw new VaeTextureException("output '" + output +
			"' holds a " + o.get("map") + " map, not " + wanted.get("map") + "; choose another output");
		if (!wanted.get("model").equals(o.get("model"))) throw new VaeTextureException("output '" +
			output + "' was written with model " + o.get("model") + ", not this model (" + wanted.get(
				"model") + "); use that model, or choose another output");
		if (!Objects.equals(wanted.get("classes"), o.get("classes"))) throw new VaeTextureException(
			"output '" + output + "' was labelled with other texture classes (" + o.get("classes") +
				"); use those classes (--centres), or choose another output");
		if (wanted.get("input") != null && o.get("input") != null && !wanted.get("input").equals(o.get(
			"input"))) throw new VaeTextureException("output '" + output + "' was written from input '" +
				o.get("input") + "', not '" + wanted.get("input") + "'; use that input, or choose another" +
				" output");
	}

	/** A folder without group attributes is ours to fill only if it holds nothing but metadata. */
	private static void requireOnlyMetadata(final Path output) {
		try (Stream<Path> entries = Files.list(output)) {
			if (entries.map(p -> p.getFileName().toString()).anyMatch(n -> !n.equals(".zgroup") && !n
				.equals("0") && !n.startsWith("."))) throw notOurs(output);
		}
		catch (final IOException e) {
			throw new VaeTextureException("cannot read output '" + output + "' (" + e.getClass()
				.getSimpleName() + "); choose another output", e);
		}
	}

	private static VaeTextureException notOurs(final Path output) {
		return new VaeTextureException("output '" + output +
			"' exists and was not written by VAE Texture; choose another output");
	}
}
