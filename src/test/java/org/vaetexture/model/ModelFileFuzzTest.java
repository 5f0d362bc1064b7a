package org.vaetexture.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.VaeTextureException;

/**
 * Seeded fuzzing of the model loader: every mutated file either loads and encodes a tile, or fails
 * with a one-line {@link VaeTextureException} naming the file. Nothing else (no other exception, no
 * out-of-memory error, no hang) is allowed. {@code -Dfuzz.mutations=N} and {@code -Dfuzz.seed=S}
 * change the run; it prints its figures.
 */
class ModelFileFuzzTest {

	@TempDir
	Path dir;

	@Test
	void mutatedModelFilesLoadAndWorkOrFailWithOneLine() throws IOException {
		Backend.useThreads(1);
		final int count = Integer.getInteger("fuzz.mutations", 2000);
		final long seed = Long.getLong("fuzz.seed", 7);
		final Path file = dir.resolve("model.zip");
		ModelFile.save(tinyModel(), file);
		final ModelMutations mutations = new ModelMutations(Files.readAllBytes(file));
		final Random random = new Random(seed);
		final Map<ModelMutations.Kind, int[]> outcomes = new EnumMap<>(ModelMutations.Kind.class);
		final Map<String, Integer> errors = new TreeMap<>();
		final ModelMutations.Kind[] kinds = ModelMutations.Kind.values();
		final long start = System.nanoTime();
		for (int trial = 0; trial < count; trial++) {
			final ModelMutations.Kind kind = kinds[trial % kinds.length];
			final Path mutant = Files.write(dir.resolve("mutant.zip"), mutations.mutate(kind, random));
			final int[] o = outcomes.computeIfAbsent(kind, k -> new int[2]);
			try {
				final VaeModel m = ModelFile.load(mutant);
				final VaeConfig c = m.config();
				final INDArray[] posterior = m.network().encode(Nd4j.rand(DataType.FLOAT, 2, c.channels(),
					c.tileSize(), c.tileSize()));
				assertArrayEquals(new long[] { 2, c.latentDim() }, posterior[0].shape());
				assertTrue(finite(posterior[0]) && finite(posterior[1]), "trial " + trial + " (" + kind +
					") loaded a model that encodes to values that are not finite");
				o[0]++;
			}
			catch (final VaeTextureException e) {
				final String message = e.getMessage();
				assertTrue(message.startsWith("model file '" + mutant + "'") && !message.contains("\n"),
					"trial " + trial + " (" + kind + "): " + message);
				errors.merge(kind + ": " + reason(message, mutant), 1, Integer::sum);
				o[1]++;
			}
			catch (final RuntimeException | Error e) {
				fail("trial " + trial + " (" + kind + ", seed " + seed + ") threw " + e, e);
			}
		}
		final double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("model fuzz: %d mutations, seed %d, %.1f s%n", count, seed, seconds);
		outcomes.forEach((k, o) -> System.out.printf("  %-16s loaded and encoded %5d, clean error %5d%n",
			k, o[0], o[1]));
		errors.forEach((reason, n) -> System.out.printf("  %5d  %s%n", n, reason));
		int loaded = 0;
		for (final int[] o : outcomes.values())
			loaded += o[0];
		assertTrue(loaded > 0 && loaded < count, "some mutations are harmless, most are not: " +
			loaded);
		for (final ModelMutations.Kind k : List.of(ModelMutations.Kind.TRUNCATION,
			ModelMutations.Kind.ENTRY_DELETED, ModelMutations.Kind.ENTRY_DUPLICATED))
			assertEquals(0, outcomes.get(k)[0], k + " must always be detected");
		assertEquals(1, dir.toFile().list((d, n) -> n.endsWith(".tmp")).length + 1, "no temporary file");
	}

	private static boolean finite(final INDArray a) {
		for (final float v : a.data().asFloat())
			if (!Float.isFinite(v)) return false;
		return true;
	}

	/** The message without the file name and details in parentheses, to group errors by kind. */
	private static String reason(final String message, final Path file) {
		String s = message.substring(("model file '" + file + "'").length()).trim();
		s = s.replaceAll("\\([^)]*\\)", "(...)").replaceAll("-?[0-9][0-9.E]*", "N");
		return s.length() > 90 ? s.substring(0, 90) : s;
	}

	/** A model with novelty statistics, small enough that thousands of loads take seconds. */
	private static VaeModel tinyModel() {
		final VaeConfig config = VaeConfig.builder().tileSize(8).channels(1).latentDim(2).filters1(2)
			.filters2(3).build();
		final int d = NoveltyStatistics.descriptorDimension(config);
		final float[] mean = new float[d], whitening = new float[d * d];
		for (int i = 0; i < d; i++)
			whitening[i * d + i] = 1;
		return new VaeModel(VaeNetwork.create(config, 3), new Normalization(new float[] { 10 },
			new float[] { 2 }), new TrainingSummary(3, 8, 1e-3, 80, 0.5, false, List.of("a.tif")), List
				.of(new EpochRecord(1, 1, 0.5, 1.1, 0.6, 0.2))).withNovelty(new NoveltyStatistics(1, 1, true,
					mean, whitening, Arrays.copyOf(mean, 2 * d), 1, 4.5, 0.01));
	}
}
