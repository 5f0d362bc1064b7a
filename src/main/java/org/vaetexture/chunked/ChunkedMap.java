package org.vaetexture.chunked;

import java.util.List;
import java.util.function.Function;

import org.vaetexture.VaeTextureException;
import org.vaetexture.dense.FeatureMap;
import org.vaetexture.dense.KlMap;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.model.VaeModel;
import org.vaetexture.novelty.NoveltyMap;
import org.vaetexture.novelty.NoveltyMaskMap;
import org.vaetexture.novelty.NoveltyTermsMap;
import org.vaetexture.segment.TextureClasses;
import org.vaetexture.segment.TextureClassesFile;
import org.vaetexture.segment.TextureLabelMap;
import org.vaetexture.store.DataType;

/**
 * Which map a block-wise job writes to a chunked store, and as what type: the latent features,
 * KL, novelty or its terms (32-bit float), the novelty mask or texture labels with saved classes (8-bit).
 */
public final class ChunkedMap {

	/** The names {@link #named} takes, as the command line spells them. */
	public static final List<String> NAMES = List.of("features", "kl", "novelty", "novelty-mask",
		"novelty-terms", "labels");

	private final String name;
	private final DataType type;
	private final Function<VaeModel, LatentMap> factory;
	/** The fingerprint of the texture classes of a labels map, else null. */
	private final String classes;

	private ChunkedMap(final String name, final DataType type,
		final Function<VaeModel, LatentMap> factory)
	{
		this(name, type, factory, null);
	}

	private ChunkedMap(final String name, final DataType type,
		final Function<VaeModel, LatentMap> factory, final String classes)
	{
		this.name = name;
		this.type = type;
		this.factory = factory;
		this.classes = classes;
	}

	public static ChunkedMap features() {
		return new ChunkedMap("features", DataType.FLOAT32, m -> new FeatureMap(m.config()
			.latentDim()));
	}

	public static ChunkedMap kl() {
		return new ChunkedMap("kl", DataType.FLOAT32, m -> new KlMap());
	}

	public static ChunkedMap novelty() {
		return new ChunkedMap("novelty", DataType.FLOAT32, m -> new NoveltyMap(m.requireNovelty()));
	}

	public static ChunkedMap noveltyMask() {
		return new ChunkedMap("novelty-mask", DataType.UINT8, m -> new NoveltyMaskMap(m
			.requireNovelty()));
	}

	/** The novelty score's five parts (code, energy, roughness, shape, orientation), one channel each. */
	public static ChunkedMap noveltyTerms() {
		return new ChunkedMap("novelty-terms", DataType.FLOAT32, m -> new NoveltyTermsMap(m
			.requireNovelty()));
	}

	/** Labels 1 to K with classes fitted earlier (with the same model). */
	public static ChunkedMap labels(final TextureClasses classes) {
		return new ChunkedMap("labels", DataType.UINT8, m -> new TextureLabelMap(m, classes),
			TextureClassesFile.fingerprint(classes));
	}

	/**
	 * @param classes for "labels", else ignored (may be null)
	 * @throws VaeTextureException for an unknown name, or "labels" without classes
	 */
	public static ChunkedMap named(final String name, final TextureClasses classes) {
		switch (name) {
			case "features":
				return features();
			case "kl":
				return kl();
			case "novelty":
				return novelty();
			case "novelty-mask":
				return noveltyMask();
			case "novelty-terms":
				return noveltyTerms();
			case "labels":
				if (classes == null) throw new VaeTextureException(
					"the labels map needs texture classes; give saved class centres");
				return labels(classes);
			default:
				throw new VaeTextureException("unknown map '" + name + "'; choose one of " + String.join(
					", ", NAMES));
		}
	}

	public String name() {
		return name;
	}

	public DataType type() {
		return type;
	}

	/** The fingerprint of a labels map's texture classes, or null for the other maps. */
	public String classes() {
		return classes;
	}

	/** The map computed with this model. */
	public LatentMap create(final VaeModel model) {
		return factory.apply(model);
	}
}
