package org.vaetexture.chunked;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.vaetexture.VaeTextureException;
import org.vaetexture.store.DataType;
import org.vaetexture.store.OmeZarr;
import org.vaetexture.store.ZarrArray;
import org.vaetexture.store.ZarrCodec;

/**
 * The OME-Zarr image a block-wise job writes a map into: axes t, c, z, y, x as the input has them
 * (c only for a map of several channels), one chunk per job task, and a "vae-texture" attribute
 * naming the map and the model's fingerprint, so that a restarted job, or another of a job array,
 * adds to it only with the same model and map.
 */
final class MapStore {

	/** The group attribute that records what wrote the map. */
	static final String ATTRIBUTE = "vae-texture";

	private MapStore() {}

	/**
	 * Creates the output, or opens it when an earlier run of the same map with the same model made
	 * it.
	 *
	 * @throws VaeTextureException if it holds another map, or one made with another model
	 */
	static ZarrArray create(final Path output, final OutputAxes axes, final String image,
		final String map, final String model, final ZarrCodec codec, final DataType type)
	{
		final Map<String, Object> origin = Map.of("map", map, "model", model);
		if (Files.exists(output)) requireSameOrigin(output, map, model);
		return OmeZarr.create(output, map + " of " + image, axes.names(), axes.shape(), axes
			.chunks(), type, codec, Map.of(ATTRIBUTE, origin)).writable();
	}

	private static void requireSameOrigin(final Path output, final String map, final String model) {
		final Object origin = OmeZarr.isChunkedStore(output) ? OmeZarr.open(output).attributes().get(
			ATTRIBUTE) : null;
		if (!(origin instanceof Map)) throw new VaeTextureException("output '" + output +
			"' exists and was not written by VAE Texture; choose another output");
		final Map<?, ?> o = (Map<?, ?>) origin;
		if (!map.equals(o.get("map"))) throw new VaeTextureException("output '" + output + "' holds a " +
			o.get("map") + " map, not " + map + "; choose another output");
		if (!model.equals(o.get("model"))) throw new VaeTextureException("output '" + output +
			"' was written with model " + o.get("model") + ", not this model (" + model +
			"); use that model, or choose another output");
	}
}
