package org.vaetexture.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelFileTest {

	@TempDir
	Path dir;

	private static VaeModel model;

	@BeforeAll
	static void makeModel() {
		Backend.useThreads(1);
		final VaeConfig config = VaeConfig.builder().tileSize(16).channels(2).latentDim(4).filters1(4)
			.filters2(6).beta(0.5).build();
		model = new VaeModel(VaeNetwork.create(config, 11), new Normalization(new float[] { 1, 2 },
			new float[] { 3, 4 }), new TrainingSummary(5, 64, 1e-3, 640, 1.5, true, List.of("a.tif")),
			List.of(new EpochRecord(1, 10, 2, 11, 2.5, 0.7)));
	}

	@Test
	void saveThenLoadGivesTheSameModel() {
		final Path file = dir.resolve("m.zip");
		ModelFile.save(model, file);
		final VaeModel loaded = ModelFile.load(file);
		assertEquals(model.config(), loaded.config());
		assertEquals(model.normalization(), loaded.normalization());
		assertEquals(List.of("a.tif"), loaded.training().inputs());
		assertEquals(5, loaded.training().seed());
		assertTrue(loaded.training().stoppedEarly());
		assertEquals(11, loaded.history().get(0).validationRecon());
		final INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 2, 16, 16);
		final INDArray[] a = model.network().encode(x), b = loaded.network().encode(x);
		assertEquals(a[0], b[0]);
		assertEquals(a[1], b[1]);
		assertArrayEquals(new String[] { "m.zip" }, dir.toFile().list(), "no temporary file is left");
	}

	@Test
	void latentStatisticsAreKeptAndOptional() {
		final Path file = dir.resolve("latent.zip");
		ModelFile.save(model.withLatent(new LatentStatistics(new float[] { 1, 2, 3, 4 }, new float[] {
			0.5f, 0.25f, 1, 2 })), file);
		final LatentStatistics loaded = ModelFile.load(file).latent();
		assertArrayEquals(new float[] { 1, 2, 3, 4 }, loaded.mean());
		assertArrayEquals(new float[] { 0.5f, 0.25f, 1, 2 }, loaded.std());
		ModelFile.save(model, file);
		assertNull(ModelFile.load(file).latent(), "models written before latent statistics still load");
	}

	@Test
	void noveltyStatisticsOfBothDescriptorsAreKept() {
		final Path file = dir.resolve("novelty.zip");
		for (final int d : new int[] { NoveltyStatistics.descriptorDimension(model.config()),
			NoveltyStatistics.legacyDimension(model.config()) })
		{
			final float[] mean = new float[d], whitening = new float[d * d];
			for (int i = 0; i < d; i++) {
				mean[i] = i;
				whitening[i * d + i] = 1 + i;
			}
			final boolean roughness = d == NoveltyStatistics.descriptorDimension(model.config());
			final float[] neighbours = new float[3 * d];
			for (int i = 0; i < neighbours.length; i++)
				neighbours[i] = i % 7 - 3.5f;
			ModelFile.save(model.withNovelty(new NoveltyStatistics(3, 5, roughness, mean, whitening,
				neighbours, 2, 2.5, 0.01)), file);
			final NoveltyStatistics loaded = ModelFile.load(file).novelty();
			assertEquals(roughness, loaded.roughness());
			assertArrayEquals(mean, loaded.mean());
			assertArrayEquals(whitening, loaded.whitening());
			assertArrayEquals(neighbours, loaded.neighbours());
			assertEquals(5, loaded.smoothRadius());
			assertEquals(2, loaded.searchDimensions());
		}
		final float[] odd = new float[7];
		ModelFile.save(model.withNovelty(new NoveltyStatistics(3, 5, true, odd, new float[49], new float[0], 0, 2.5,
			0.01)),
			file);
		assertMessage("novelty statistics are inconsistent", () -> ModelFile.load(file));
	}

	@Test
	void savingReplacesAnExistingFile() throws IOException {
		final Path file = dir.resolve("m.zip");
		Files.write(file, new byte[] { 1, 2, 3 });
		ModelFile.save(model, file);
		assertEquals(model.config(), ModelFile.load(file).config());
	}

	@Test
	void missingFolderIsAClearError() {
		assertMessage("does not exist", () -> ModelFile.save(model, dir.resolve("no/m.zip")));
	}

	@Test
	void missingFile() {
		assertMessage("does not exist", () -> ModelFile.load(dir.resolve("none.zip")));
	}

	@Test
	void randomBytesAreNotAModel() throws IOException {
		final byte[] bytes = new byte[5000];
		new Random(1).nextBytes(bytes);
		final Path file = Files.write(dir.resolve("r.zip"), bytes);
		assertMessage("not a VAE Texture model", () -> ModelFile.load(file));
	}

	@Test
	void truncatedFileIsDetected() throws IOException {
		final Path file = dir.resolve("m.zip");
		ModelFile.save(model, file);
		final byte[] all = Files.readAllBytes(file);
		final Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(all, all.length / 2));
		assertMessage("truncated", () -> ModelFile.load(cut));
	}

	@Test
	void zipWithoutMetadataIsForeign() throws IOException {
		final Path file = dir.resolve("foreign.zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		assertMessage("not a VAE Texture model", () -> ModelFile.load(file));
	}

	@Test
	void formatTwoModelsLoadWithoutNeighboursAndCannotClaimAny() throws IOException {
		for (final int k : new int[] { 0, 2 }) {
			final Path file = rewrite(withNeighbours(k, 0), olderFormat(2));
			if (k == 0) assertEquals(0, ModelFile.load(file).novelty().neighbourCount());
			else assertMessage("novelty statistics are inconsistent", () -> ModelFile.load(file));
		}
	}

	@Test
	void formatThreeModelsSearchByTheFullDistanceAndCannotClaimAProjection() throws IOException {
		final Path older = rewrite(withNeighbours(5, 4), olderFormat(3));
		final NoveltyStatistics loaded = ModelFile.load(older).novelty();
		assertEquals(3, ModelFile.formatVersion(older));
		assertEquals(5, loaded.neighbourCount());
		assertEquals(NoveltyStatistics.FULL_SEARCH, loaded.searchDimensions());
		final Path claiming = rewrite(withNeighbours(5, 4), (name, bytes) -> name.equals(
			ModelFile.METADATA) ? json(bytes).replaceFirst("\"formatVersion\": " +
				ModelFile.FORMAT_VERSION, "\"formatVersion\": 3").getBytes(StandardCharsets.UTF_8) : bytes);
		assertMessage("novelty search is inconsistent", () -> ModelFile.load(claiming));
		final int d = NoveltyStatistics.descriptorDimension(model.config());
		final Path wider = rewrite(withNeighbours(5, 4), (name, bytes) -> name.equals(
			ModelFile.METADATA) ? json(bytes).replaceFirst("\"searchDimensions\": 4",
				"\"searchDimensions\": " + (d + 1)).getBytes(StandardCharsets.UTF_8) : bytes);
		assertMessage("novelty search is inconsistent", () -> ModelFile.load(wider));
	}

	@Test
	void theShapeTermRoundTripsAndIsCheckedOnLoad() throws IOException {
		// the widest box a map's codes hold the input for: pooling radius 3 + the encoder's reach
		final int radius = 3 + model.config().inputReach();
		final VaeModel shaped = model.withNovelty(withNeighbours(5, 4).novelty().withShape(
			new ShapeStatistics(radius, new float[] { 0.25f, -1 }, new float[] { 2, 0, 0.5f, 3 }, 3.5)));
		final Path file = dir.resolve("shape.zip");
		ModelFile.save(shaped, file);
		final ShapeStatistics loaded = ModelFile.load(file).novelty().shape();
		assertEquals(radius, loaded.radius());
		assertArrayEquals(new float[] { 0.25f, -1 }, loaded.mean(), "one per channel");
		assertArrayEquals(new float[] { 2, 0, 0.5f, 3 }, loaded.whitening());
		assertEquals(3.5, loaded.weight());
		for (final ShapeStatistics bad : new ShapeStatistics[] { new ShapeStatistics(radius + 1,
			new float[2], new float[4], 1), new ShapeStatistics(radius, new float[1], new float[1], 1) })
		{
			ModelFile.save(model.withNovelty(shaped.novelty().withShape(bad)), file);
			assertMessage("local grey-level statistics are inconsistent", () -> ModelFile.load(file));
		}
		final BiFunction<String, byte[], byte[]> formatFour = (name, bytes) -> name.equals(
			ModelFile.METADATA) ? json(bytes).replaceFirst("\"formatVersion\": " +
				ModelFile.FORMAT_VERSION, "\"formatVersion\": 4").getBytes(StandardCharsets.UTF_8) : bytes;
		final Path claiming = rewrite(shaped, formatFour);
		assertMessage("local grey-level statistics are inconsistent", () -> ModelFile.load(claiming));
		final Path negative = rewrite(shaped, (name, bytes) -> name.equals(ModelFile.METADATA)
			? json(bytes).replaceFirst("\"weight\": 3.5", "\"weight\": -3.5").getBytes(
				StandardCharsets.UTF_8) : bytes);
		assertMessage("local grey-level statistics are inconsistent", () -> ModelFile.load(negative));
		final Path older = rewrite(withNeighbours(5, 4), formatFour);
		assertEquals(4, ModelFile.formatVersion(older));
		assertEquals(null, ModelFile.load(older).novelty().shape(), "format 4: no shape term");
	}

	@Test
	void theOrientationTermRoundTripsAndIsCheckedOnLoad() throws IOException {
		final int skewness = 3 + model.config().inputReach(), radius = skewness - 1;
		final float[] mean = { 0.25f, -1, 0.5f, 2 }, whitening = new float[16];
		for (int i = 0; i < 16; i++)
			whitening[i] = i % 5 == 0 ? 2 : i / 4 > i % 4 ? 0.5f : 0;
		final NoveltyStatistics shaped = withNeighbours(5, 4).novelty().withShape(new ShapeStatistics(
			skewness, new float[2], new float[] { 1, 0, 0, 1 }, 1));
		final VaeModel turned = model.withNovelty(shaped.withOrientation(new ShapeStatistics(radius,
			mean, whitening, 0.75)));
		final Path file = dir.resolve("orientation.zip");
		ModelFile.save(turned, file);
		final ShapeStatistics loaded = ModelFile.load(file).novelty().orientation();
		assertEquals(radius, loaded.radius());
		assertArrayEquals(mean, loaded.mean(), "two per channel");
		assertArrayEquals(whitening, loaded.whitening());
		assertEquals(0.75, loaded.weight());
		for (final ShapeStatistics bad : new ShapeStatistics[] { new ShapeStatistics(radius + 1,
			new float[4], new float[16], 1), new ShapeStatistics(radius, new float[2], new float[4], 1) })
		{
			ModelFile.save(model.withNovelty(shaped.withOrientation(bad)), file);
			assertMessage("local grey-level statistics are inconsistent", () -> ModelFile.load(file));
		}
		ModelFile.save(model.withNovelty(shaped.withShape(null).withOrientation(new ShapeStatistics(
			radius, mean, whitening, 0.75))), file);
		assertMessage("local grey-level statistics are inconsistent", () -> ModelFile.load(file));
		final BiFunction<String, byte[], byte[]> formatFive = (name, bytes) -> name.equals(
			ModelFile.METADATA) ? json(bytes).replaceFirst("\"formatVersion\": " +
				ModelFile.FORMAT_VERSION, "\"formatVersion\": 5").getBytes(StandardCharsets.UTF_8) : bytes;
		final Path claiming = rewrite(turned, formatFive);
		assertMessage("local grey-level statistics are inconsistent", () -> ModelFile.load(claiming));
		final Path older = rewrite(model.withNovelty(shaped), formatFive);
		assertEquals(5, ModelFile.formatVersion(older));
		assertEquals(null, ModelFile.load(older).novelty().orientation(), "format 5: no orientation");
		assertEquals(skewness, ModelFile.load(older).novelty().shape().radius(), "its shape term kept");
	}

	/** The model with novelty statistics of k neighbours and the given search. */
	private VaeModel withNeighbours(final int k, final int searchDimensions) {
		final int d = NoveltyStatistics.descriptorDimension(model.config());
		final float[] mean = new float[d], whitening = new float[d * d];
		for (int i = 0; i < d; i++)
			whitening[i * d + i] = 1;
		return model.withNovelty(new NoveltyStatistics(3, 5, true, mean, whitening, new float[k * d],
			searchDimensions, 2.5, 0.01));
	}

	/** Rewrites the metadata as an older format's: its version, and no neighbour search. */
	private static BiFunction<String, byte[], byte[]> olderFormat(final int version) {
		return (name, bytes) -> name.equals(ModelFile.METADATA) ? json(bytes).replaceFirst(
			"\"formatVersion\": " + ModelFile.FORMAT_VERSION, "\"formatVersion\": " + version)
			.replaceFirst(",\\s*\"searchDimensions\": \\d+", "").getBytes(StandardCharsets.UTF_8)
			: bytes;
	}

	@Test
	void newerFormatVersionAsksForAnUpdate() throws IOException {
		final Path file = rewrite((name, bytes) -> name.equals(ModelFile.METADATA) ? json(bytes)
			.replaceFirst("\"formatVersion\": " + ModelFile.FORMAT_VERSION, "\"formatVersion\": 99").getBytes(StandardCharsets.UTF_8)
			: bytes);
		assertMessage("format version 99, newer than", () -> ModelFile.load(file));
	}

	@Test
	void wrongJsonTypesAreCorruptMetadata() throws IOException {
		final Path file = rewrite((name, bytes) -> name.equals(ModelFile.METADATA) ? json(bytes)
			.replaceFirst("\"tileSize\": 16", "\"tileSize\": \"big\"").getBytes(StandardCharsets.UTF_8)
			: bytes);
		assertMessage("corrupt metadata", () -> ModelFile.load(file));
	}

	@Test
	void absurdSizesAreRejected() throws IOException {
		final Path file = rewrite((name, bytes) -> name.equals(ModelFile.METADATA) ? json(bytes)
			.replaceFirst("\"latentDim\": 4", "\"latentDim\": 1000000000").getBytes(StandardCharsets.UTF_8)
			: bytes);
		assertMessage("latent dim must be from 1", () -> ModelFile.load(file));
	}

	@Test
	void missingOrShortWeightsAreNamed() throws IOException {
		final Path missing = rewrite((name, bytes) -> name.contains("mu_w") ? null : bytes);
		assertMessage("weights/mu_w.f32 is missing", () -> ModelFile.load(missing));
		final Path shorter = rewrite((name, bytes) -> name.contains("mu_w") ? Arrays.copyOf(bytes, 8)
			: bytes);
		assertMessage("weights/mu_w.f32 holds 8 bytes", () -> ModelFile.load(shorter));
	}

	@Test
	void absurdSizesThatPassEachRangeAreRefusedBeforeAllocating() throws IOException {
		final Path file = rewrite((name, bytes) -> name.equals(ModelFile.METADATA) ? json(bytes)
			.replaceFirst("\"tileSize\": 16", "\"tileSize\": 512").replaceFirst("\"latentDim\": 4",
				"\"latentDim\": 1024").getBytes(StandardCharsets.UTF_8) : bytes);
		assertMessage("network parameters, more than", () -> ModelFile.load(file));
	}

	@Test
	void aFolderIsNotAModel() {
		assertMessage("is a folder, not a file", () -> ModelFile.load(dir));
	}

	@Test
	void aNullInAnArrayIsCorruptMetadata() throws IOException {
		final Path file = rewrite((name, bytes) -> name.equals(ModelFile.METADATA) ? json(bytes)
			.replaceFirst("\"mu_w\": \\[", "\"mu_w\": [null, ").getBytes(StandardCharsets.UTF_8)
			: bytes);
		assertMessage("corrupt metadata", () -> ModelFile.load(file));
	}

	private static String json(final byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** A copy of a saved model with each entry passed through {@code change} (null drops it). */
	private Path rewrite(final BiFunction<String, byte[], byte[]> change) throws IOException {
		return rewrite(model, change);
	}

	private Path rewrite(final VaeModel saved, final BiFunction<String, byte[], byte[]> change)
		throws IOException
	{
		final Path original = dir.resolve("original.zip");
		ModelFile.save(saved, original);
		final Path file = dir.resolve("changed.zip");
		try (ZipFile in = new ZipFile(original.toFile());
				OutputStream os = Files.newOutputStream(file);
				ZipOutputStream out = new ZipOutputStream(os))
		{
			for (final ZipEntry e : list(in.entries())) {
				final byte[] bytes = change.apply(e.getName(), in.getInputStream(e).readAllBytes());
				if (bytes == null) continue;
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(bytes);
			}
		}
		return file;
	}

	private static List<ZipEntry> list(final Enumeration<? extends ZipEntry> entries) {
		return java.util.Collections.list(entries).stream().collect(Collectors.toList());
	}
}
