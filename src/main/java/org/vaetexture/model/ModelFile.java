package org.vaetexture.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;

/**
 * Reads and writes model files: one zip holding {@value #METADATA} (versioned JSON: architecture,
 * normalization, training settings and history, weight shapes, novelty settings, latent
 * statistics), one
 * {@code weights/NAME.f32} entry per parameter and, for a model calibrated for novelty maps,
 * {@code novelty/mean.f32}, {@code novelty/whitening.f32} and {@code novelty/neighbours.f32}
 * (little-endian float32, row-major). Writing goes to a temporary file in the same folder, then
 * moves it into place, so a failed or cancelled save never leaves a partial model and never
 * damages an existing one. Loading checks everything and names what is wrong.
 */
public final class ModelFile {

	/**
	 * The newest format this code reads and the one it writes. Format 2: the novelty descriptor has
	 * the hidden layers' roughness (format 1 files, without it, are read and map as before). Format
	 * 3: the novelty statistics have neighbours (format 2 files, without them, score by the
	 * distance to the mean, as before). Format 4: the neighbour is the nearest in a projection of
	 * the dimensions the file gives (format 3 files search by the full distance, as before). Format
	 * 5: the novelty statistics may have the grey-level shape term (older files score without it,
	 * as before). Format 6: the novelty statistics may have the detail orientation term beside the
	 * shape term (format 5 files score without it, as before).
	 */
	public static final int FORMAT_VERSION = 6;
	static final String METADATA = "vae-texture.json";
	private static final String NOVELTY_MEAN = "novelty/mean.f32",
			NOVELTY_WHITENING = "novelty/whitening.f32", NOVELTY_NEIGHBOURS = "novelty/neighbours.f32";
	/** The most neighbours a model file may hold (a damaged count must not allocate gigabytes). */
	private static final int MAX_NEIGHBOURS = 1 << 16;
	private static final String KIND = "conv-vae";
	private static final long MAX_METADATA_BYTES = 4 << 20;
	/** What to do about a damaged model file. */
	private static final String RESTORE = "; restore the file from a copy or train the model again";
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
		.serializeSpecialFloatingPointValues().create();

	private ModelFile() {}

	/** Writes the model atomically to {@code file} (replacing it if it exists). */
	public static void save(final VaeModel model, final Path file) {
		AtomicFiles.write(file, "model", temp -> {
			try (OutputStream os = Files.newOutputStream(temp);
					ZipOutputStream zip = new ZipOutputStream(os))
			{
				put(zip, METADATA, GSON.toJson(toMetadata(model)).getBytes(StandardCharsets.UTF_8));
				for (final Map.Entry<String, float[]> w : model.network().weights().entrySet())
					put(zip, weightEntry(w.getKey()), toBytes(w.getValue()));
				if (model.novelty() != null) {
					put(zip, NOVELTY_MEAN, toBytes(model.novelty().mean()));
					put(zip, NOVELTY_WHITENING, toBytes(model.novelty().whitening()));
					put(zip, NOVELTY_NEIGHBOURS, toBytes(model.novelty().neighbours()));
				}
			}
		});
	}

	/**
	 * Reads a model file.
	 *
	 * @throws VaeTextureException if the file is missing, not a model, truncated, corrupt, of a
	 *           newer format, or inconsistent
	 */
	public static VaeModel load(final Path file) {
		return readZip(file, (zip, what) -> {
			final ModelMetadata meta = metadata(zip, what);
			final VaeConfig config = checkHeader(what, meta);
			final Normalization normalization = normalization(what, meta, config);
			final Map<String, float[]> weights = new LinkedHashMap<>();
			for (final Map.Entry<String, long[]> p : VaeNetwork.parameterShapes(config).entrySet()) {
				final long[] stored = meta.parameters == null ? null : meta.parameters.get(p.getKey());
				if (!Arrays.equals(stored, p.getValue())) throw new VaeTextureException(what +
					" is corrupt: parameter " + p.getKey() + " has shape " + Arrays.toString(stored) +
					", the architecture needs " + Arrays.toString(p.getValue()) + RESTORE);
				weights.put(p.getKey(), readWeights(zip, p.getKey(), VaeNetwork.count(p.getValue()),
					what));
			}
			return new VaeModel(VaeNetwork.withWeights(config, weights), normalization,
				training(meta), history(meta), novelty(zip, meta, config, what), latent(meta, config,
					what));
		});
	}

	/**
	 * The format version a model file was written in (older files keep theirs when read; saving
	 * writes {@link #FORMAT_VERSION}).
	 *
	 * @throws VaeTextureException as {@link #load} does for the file's header
	 */
	public static int formatVersion(final Path file) {
		return readZip(file, (zip, what) -> {
			final ModelMetadata meta = metadata(zip, what);
			checkHeader(what, meta);
			return meta.formatVersion;
		});
	}

	/** What is read from an open model file; {@code what} names the file in messages. */
	private interface ZipReader<T> {

		T read(ZipFile zip, String what) throws IOException;
	}

	/** Opens a model file, checks its entries and reads from it, with clear errors. */
	private static <T> T readZip(final Path file, final ZipReader<T> reader) {
		final String what = "model file '" + file + "'";
		if (!Files.exists(file)) throw new VaeTextureException(what + " does not exist");
		if (!Files.isRegularFile(file)) throw new VaeTextureException(what +
			" is a folder, not a file; give the .zip that 'train' wrote");
		if (!Files.isReadable(file)) throw new VaeTextureException(what +
			" cannot be read; check its permissions");
		try (ZipFile zip = new ZipFile(file.toFile())) {
			requireUniqueEntries(zip, what);
			return reader.read(zip, what);
		}
		catch (final ZipException e) {
			throw new VaeTextureException(what + " is not a VAE Texture model or is truncated (" +
				describe(e) + "); pass a .zip written by 'train'", e);
		}
		catch (final IOException e) {
			throw new VaeTextureException(what + " is damaged (" + describe(e) +
				"); pass a .zip written by 'train'", e);
		}
	}

	private static ModelMetadata metadata(final ZipFile zip, final String what) throws IOException {
		final ZipEntry metaEntry = zip.getEntry(METADATA);
		if (metaEntry == null) throw new VaeTextureException(what + " has no " + METADATA +
			": it is not a VAE Texture model; pass a model written by 'train'");
		return parse(what, read(zip, metaEntry, MAX_METADATA_BYTES, what));
	}

	/**
	 * Reads every entry's name, which the JDK decodes (a damaged name throws an
	 * IllegalArgumentException there, not a ZipException); a name twice would make the content
	 * depend on which copy a reader takes.
	 */
	private static void requireUniqueEntries(final ZipFile zip, final String what) {
		final Set<String> names = new HashSet<>();
		try {
			for (final Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				final String name = e.nextElement().getName();
				if (!names.add(name)) throw new VaeTextureException(what + " is corrupt: entry " + name +
					" appears twice" + RESTORE);
			}
		}
		catch (final IllegalArgumentException e) {
			throw new VaeTextureException(what + " is corrupt: an entry name is not valid UTF-8" +
				RESTORE, e);
		}
	}

	private static ModelMetadata parse(final String what, final byte[] json) {
		try {
			final ModelMetadata meta = GSON.fromJson(new String(json, StandardCharsets.UTF_8),
				ModelMetadata.class);
			if (meta == null) throw new VaeTextureException(what + " has empty metadata" + RESTORE);
			return meta;
		}
		catch (final VaeTextureException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			// Gson reports a value of the wrong type in several ways (JsonParseException,
			// IllegalStateException, IllegalArgumentException from an array of primitives, ...)
			throw new VaeTextureException(what + " has corrupt metadata (" + firstLine(e.getMessage()).replace(
				"Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON") +
				")" + RESTORE, e);
		}
	}

	private static VaeConfig checkHeader(final String what, final ModelMetadata meta) {
		if (meta.formatVersion > FORMAT_VERSION) throw new VaeTextureException(what +
			" has format version " + meta.formatVersion + ", newer than this VAE Texture reads (" +
			FORMAT_VERSION + "); update the plugin");
		if (meta.formatVersion < 1) throw new VaeTextureException(what +
			" has no valid format version: it is not a VAE Texture model" + RESTORE);
		final ModelMetadata.Architecture a = meta.architecture;
		if (a == null || !KIND.equals(a.kind)) throw new VaeTextureException(what +
			" has no architecture of kind '" + KIND + "'" + RESTORE);
		try {
			return VaeConfig.builder().tileSize(a.tileSize).channels(a.channels).latentDim(a.latentDim)
				.filters1(a.filters1).filters2(a.filters2).beta(a.beta).build();
		}
		catch (final VaeTextureException e) {
			throw new VaeTextureException(what + " is corrupt: " + e.getMessage() + RESTORE, e);
		}
	}

	private static Normalization normalization(final String what, final ModelMetadata meta,
		final VaeConfig config)
	{
		final ModelMetadata.NormalizationJson n = meta.normalization;
		if (n == null || n.center == null || n.scale == null || n.center.length != config.channels() ||
			n.scale.length != config.channels()) throw new VaeTextureException(what +
				" is corrupt: its normalization does not have one value per channel" + RESTORE);
		for (int c = 0; c < config.channels(); c++)
			if (!Float.isFinite(n.center[c]) || !(n.scale[c] > 0) || !Float.isFinite(n.scale[c]))
				throw new VaeTextureException(what + " is corrupt: normalization of channel " + c +
					" is not finite and positive" + RESTORE);
		return new Normalization(n.center, n.scale);
	}

	private static NoveltyStatistics novelty(final ZipFile zip, final ModelMetadata meta,
		final VaeConfig config, final String what) throws IOException
	{
		final ModelMetadata.Novelty n = meta.novelty;
		if (n == null) return null;
		final int d = n.dimension;
		if (d != NoveltyStatistics.descriptorDimension(config) && d != NoveltyStatistics
			.legacyDimension(config) || n.poolRadius < 0 || n.poolRadius > 256 || n.smoothRadius < 0 ||
			n.smoothRadius > 256 || !Double.isFinite(n.threshold) || !(n.falsePositiveRate > 0) ||
			n.falsePositiveRate >= 1 || n.neighbours < 0 || n.neighbours > MAX_NEIGHBOURS || n.neighbours >
				0 && meta.formatVersion < 3) throw new VaeTextureException(what +
				" is corrupt: its novelty statistics are inconsistent with the architecture" + RESTORE);
		final int search = n.searchDimensions != null ? n.searchDimensions
			: NoveltyStatistics.FULL_SEARCH;
		if (search < 0 || search > d || n.searchDimensions != null && meta.formatVersion < 4)
			throw new VaeTextureException(what + " is corrupt: its novelty search is inconsistent" +
				RESTORE);
		return new NoveltyStatistics(n.poolRadius, n.smoothRadius, d == NoveltyStatistics
			.descriptorDimension(config), readFloats(zip, NOVELTY_MEAN, d,
			what), readFloats(zip, NOVELTY_WHITENING, (long) d * d, what), n.neighbours == 0 ? new float[0]
				: readFloats(zip, NOVELTY_NEIGHBOURS, (long) n.neighbours * d, what), search,
			n.threshold, n.falsePositiveRate).withShape(shape(n.shape, meta.formatVersion < 5,
				ShapeStatistics.radius(n.poolRadius, config), 1, config, what)).withOrientation(shape(
					n.orientation, meta.formatVersion < 6 || n.shape == null, ShapeStatistics.orientationRadius(
						n.poolRadius, config), ShapeStatistics.ORIENTATION_VALUES, config, what));
	}

	/**
	 * A local grey-level statistic, or null if the file has none; its box must lie within the input
	 * the dense codes of a novelty map hold ({@code largest}, {@link ShapeStatistics#radius}).
	 *
	 * @param tooEarly whether the file's format (or the lack of a skewness) rules the statistic out
	 * @param perChannel the statistic's values per channel
	 */
	private static ShapeStatistics shape(final ModelMetadata.Shape s, final boolean tooEarly,
		final int largest, final int perChannel, final VaeConfig config, final String what)
	{
		if (s == null) return null;
		final int c = config.channels() * perChannel;
		if (tooEarly || s.radius < 1 || s.radius > largest ||
			!(s.weight >= 0) || Double.isInfinite(s.weight) || s.mean == null || s.mean.length != c ||
			s.whitening == null || s.whitening.length != c * c || !finite(s.mean) || !finite(s.whitening))
			throw new VaeTextureException(what + " is corrupt: its local grey-level statistics are" +
				" inconsistent" + RESTORE);
		return new ShapeStatistics(s.radius, s.mean, s.whitening, s.weight);
	}

	private static boolean finite(final float[] values) {
		for (final float v : values)
			if (!Float.isFinite(v)) return false;
		return true;
	}

	private static LatentStatistics latent(final ModelMetadata meta, final VaeConfig config,
		final String what)
	{
		final ModelMetadata.Latent l = meta.latent;
		if (l == null) return null;
		if (l.mean == null || l.std == null || l.mean.length != config.latentDim() || l.std.length !=
			config.latentDim()) throw new VaeTextureException(what +
				" is corrupt: its latent statistics do not have one value per latent dimension");
		for (int j = 0; j < l.mean.length; j++)
			if (!Float.isFinite(l.mean[j]) || !(l.std[j] >= 0) || !Float.isFinite(l.std[j]))
				throw new VaeTextureException(what + " is corrupt: latent statistics of dimension " +
					(j + 1) + " are not finite");
		return new LatentStatistics(l.mean, l.std);
	}

	private static TrainingSummary training(final ModelMetadata meta) {
		final ModelMetadata.Training t = meta.training;
		if (t == null) return new TrainingSummary(0, 0, 0, 0, 0, false, new ArrayList<>());
		return new TrainingSummary(t.seed, t.batchSize, t.learningRate, t.tilesSeen, t.seconds,
			t.stoppedEarly, t.inputs == null ? new ArrayList<>() : t.inputs);
	}

	private static List<EpochRecord> history(final ModelMetadata meta) {
		final List<EpochRecord> history = new ArrayList<>();
		if (meta.history != null) for (final ModelMetadata.Epoch e : meta.history)
			if (e != null) history.add(new EpochRecord(e.epoch, e.trainRecon, e.trainKl,
				e.validationRecon, e.validationKl, e.seconds));
		return history;
	}

	private static float[] readWeights(final ZipFile zip, final String name, final long count,
		final String what) throws IOException
	{
		return readFloats(zip, weightEntry(name), count, what);
	}

	/** The float32 entry {@code name}, which must hold exactly {@code count} finite values. */
	private static float[] readFloats(final ZipFile zip, final String name, final long count,
		final String what) throws IOException
	{
		final ZipEntry entry = zip.getEntry(name);
		if (entry == null) throw new VaeTextureException(what + " is corrupt: " + name +
			" is missing" + RESTORE);
		final byte[] bytes = read(zip, entry, 4 * count, what);
		if (bytes.length != 4 * count) throw new VaeTextureException(what + " is corrupt: " + name +
			" holds " + bytes.length + " bytes, expected " + 4 * count + RESTORE);
		final float[] values = new float[(int) count];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		for (final float v : values)
			if (!Float.isFinite(v)) throw new VaeTextureException(what + " is corrupt: " + name +
				" holds values that are not finite" + RESTORE);
		return values;
	}

	private static byte[] read(final ZipFile zip, final ZipEntry entry, final long limit,
		final String what) throws IOException
	{
		try (InputStream in = zip.getInputStream(entry)) {
			final ByteArrayOutputStream out = new ByteArrayOutputStream();
			final byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
				if (out.size() > limit) throw new VaeTextureException(what + " is corrupt: entry " +
					entry.getName() + " is larger than " + limit + " bytes" + RESTORE);
			}
			return out.toByteArray();
		}
	}

	private static ModelMetadata toMetadata(final VaeModel model) {
		final ModelMetadata m = new ModelMetadata();
		m.formatVersion = FORMAT_VERSION;
		m.software = "VAE Texture " + version();
		final VaeConfig c = model.config();
		m.architecture = new ModelMetadata.Architecture();
		m.architecture.kind = KIND;
		m.architecture.tileSize = c.tileSize();
		m.architecture.channels = c.channels();
		m.architecture.latentDim = c.latentDim();
		m.architecture.filters1 = c.filters1();
		m.architecture.filters2 = c.filters2();
		m.architecture.beta = c.beta();
		m.normalization = new ModelMetadata.NormalizationJson();
		m.normalization.center = model.normalization().centers();
		m.normalization.scale = model.normalization().scales();
		final TrainingSummary t = model.training();
		m.training = new ModelMetadata.Training();
		m.training.seed = t.seed();
		m.training.batchSize = t.batchSize();
		m.training.learningRate = t.learningRate();
		m.training.tilesSeen = t.tilesSeen();
		m.training.seconds = t.seconds();
		m.training.stoppedEarly = t.stoppedEarly();
		m.training.inputs = t.inputs();
		m.history = new ArrayList<>();
		for (final EpochRecord r : model.history()) {
			final ModelMetadata.Epoch e = new ModelMetadata.Epoch();
			e.epoch = r.epoch();
			e.trainRecon = r.trainRecon();
			e.trainKl = r.trainKl();
			e.validationRecon = r.validationRecon();
			e.validationKl = r.validationKl();
			e.seconds = r.seconds();
			m.history.add(e);
		}
		m.parameters = new LinkedHashMap<>(VaeNetwork.parameterShapes(c));
		final NoveltyStatistics n = model.novelty();
		if (n != null) {
			m.novelty = new ModelMetadata.Novelty();
			m.novelty.poolRadius = n.poolRadius();
			m.novelty.smoothRadius = n.smoothRadius();
			m.novelty.dimension = n.dimension();
			m.novelty.neighbours = n.neighbourCount();
			m.novelty.searchDimensions = n.searchDimensions();
			m.novelty.threshold = n.threshold();
			m.novelty.falsePositiveRate = n.falsePositiveRate();
			m.novelty.shape = shapeMetadata(n.shape());
			m.novelty.orientation = shapeMetadata(n.orientation());
		}
		if (model.latent() != null) {
			m.latent = new ModelMetadata.Latent();
			m.latent.mean = model.latent().mean();
			m.latent.std = model.latent().std();
		}
		return m;
	}

	/** The JSON of a local grey-level statistic, or null for none. */
	private static ModelMetadata.Shape shapeMetadata(final ShapeStatistics statistic) {
		if (statistic == null) return null;
		final ModelMetadata.Shape s = new ModelMetadata.Shape();
		s.radius = statistic.radius();
		s.weight = statistic.weight();
		s.mean = statistic.mean();
		s.whitening = statistic.whitening();
		return s;
	}

	/** The version of this software, from the jar's manifest ("dev" when run from classes). */
	public static String version() {
		final String v = ModelFile.class.getPackage().getImplementationVersion();
		return v == null ? "dev" : v;
	}

	private static String weightEntry(final String name) {
		return "weights/" + name + ".f32";
	}

	private static void put(final ZipOutputStream zip, final String name, final byte[] bytes)
		throws IOException
	{
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	private static byte[] toBytes(final float[] values) {
		final ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(values);
		return b.array();
	}

	private static String describe(final IOException e) {
		final String m = e.getMessage();
		return e.getClass().getSimpleName() + (m == null ? "" : ": " + firstLine(m));
	}

	private static String firstLine(final String s) {
		if (s == null) return "";
		final int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}
}
