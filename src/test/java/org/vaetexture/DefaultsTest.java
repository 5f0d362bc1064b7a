package org.vaetexture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vaetexture.cli.Main;
import org.vaetexture.fiji.ExtractTextureTilesCommand;
import org.vaetexture.fiji.GenerateTilesCommand;
import org.vaetexture.fiji.LatentTraversalCommand;
import org.vaetexture.fiji.ReconstructTilesCommand;
import org.vaetexture.fiji.SegmentTexturesCommand;
import org.vaetexture.fiji.TrainVaeCommand;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.segment.SegmentationOptions;
import org.vaetexture.spark.SparkMapJob;
import org.vaetexture.train.TrainingOptions;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every front end starts from {@link Defaults}: the command line's options, the Fiji commands'
 * fields and the options builders of the library. A default changed in one front end alone fails
 * here.
 */
class DefaultsTest {

	/** One default as each front end spells it: a subcommand's option, a command class's field. */
	private static final class Spelling {

		final Object value;
		final String subcommand, option;
		final Class<?> command;
		final String field;

		Spelling(final Object value, final String subcommand, final String option,
			final Class<?> command, final String field)
		{
			this.value = value;
			this.subcommand = subcommand;
			this.option = option;
			this.command = command;
			this.field = field;
		}
	}

	private static final List<Spelling> SPELLINGS = List.of(
		new Spelling(Defaults.TILE_SIZE, "train", "--tile-size", TrainVaeCommand.class, "tile_size"),
		new Spelling(Defaults.TILE_SIZE, null, null, ExtractTextureTilesCommand.class, "tile_size"),
		new Spelling(Defaults.LATENT_DIM, "train", "--latent-dim", TrainVaeCommand.class, "latent_dim"),
		new Spelling(Defaults.BETA, "train", "--beta", TrainVaeCommand.class, "beta"),
		new Spelling(Defaults.BETA, "bench", "--beta", null, null),
		new Spelling(Defaults.EPOCHS, "train", "--epochs", TrainVaeCommand.class, "epochs"),
		new Spelling(Defaults.EPOCHS, "bench", "--epochs", null, null),
		new Spelling(Defaults.STEPS_PER_EPOCH, "train", "--steps-per-epoch", null, null),
		new Spelling(Defaults.BATCH_SIZE, "train", "--batch-size", null, null),
		new Spelling(Defaults.LEARNING_RATE, "train", "--learning-rate", null, null),
		new Spelling(Defaults.PATIENCE, "train", "--patience", null, null),
		new Spelling(Defaults.THREADS, "train", "--threads", null, null),
		new Spelling(Defaults.FALSE_POSITIVE_RATE, "train", "--false-positive-rate", null, null),
		new Spelling(Defaults.SEED, "train", "--seed", TrainVaeCommand.class, "seed"),
		new Spelling(Defaults.SEED, "generate", "--seed", GenerateTilesCommand.class, "seed"),
		new Spelling(Defaults.SEED, "reconstruct-tiles", "--seed", ReconstructTilesCommand.class,
			"seed"),
		new Spelling(Defaults.SEED, "segment", "--seed", SegmentTexturesCommand.class, "seed"),
		new Spelling(Defaults.SEED, null, null, ExtractTextureTilesCommand.class, "seed"),
		new Spelling(Defaults.GENERATED_TILES, "generate", "--count", GenerateTilesCommand.class,
			"count"),
		new Spelling(Defaults.RECONSTRUCTED_TILES, "reconstruct-tiles", "--count",
			ReconstructTilesCommand.class, "count"),
		new Spelling(Defaults.TRAVERSAL_STEPS, "traverse", "--steps", LatentTraversalCommand.class,
			"steps"),
		new Spelling(Defaults.RANDOM_TILES, null, null, ExtractTextureTilesCommand.class,
			"random_count"),
		new Spelling(Defaults.TEXTURE_CLASSES, null, null, SegmentTexturesCommand.class, "classes"),
		new Spelling(Defaults.SMOOTHING, "segment", "--smoothing", SegmentTexturesCommand.class,
			"smoothing"),
		new Spelling(Defaults.SMOOTHING, "bench", "--smoothing", null, null),
		new Spelling(Defaults.CHUNK, "novelty", "--chunk", null, null),
		new Spelling(Defaults.CHUNK, "convert", "--chunk", null, null),
		new Spelling(Defaults.COMPRESSION, "features", "--compression", null, null),
		new Spelling(Defaults.COMPRESSION, "convert", "--compression", null, null));

	@Test
	void commandLineOptionsStartFromTheDefaults() {
		final CommandLine cli = new CommandLine(new Main());
		for (final Spelling s : SPELLINGS) {
			if (s.subcommand == null) continue;
			final OptionSpec option = cli.getSubcommands().get(s.subcommand).getCommandSpec().findOption(
				s.option);
			assertEquals(s.value, option.initialValue(), s.subcommand + " " + s.option);
		}
	}

	@Test
	void theSparkJobStartsFromTheDefaults() {
		final CommandLine spark = new CommandLine(new SparkMapJob());
		assertEquals(Defaults.CHUNK, spark.getCommandSpec().findOption("--chunk").initialValue());
		assertEquals(Defaults.COMPRESSION, spark.getCommandSpec().findOption("--compression")
			.initialValue());
		assertEquals(Defaults.SEED, spark.getCommandSpec().findOption("--seed").initialValue());
	}

	@Test
	void fijiCommandsStartFromTheDefaults() throws ReflectiveOperationException {
		for (final Spelling s : SPELLINGS) {
			if (s.command == null) continue;
			final Field field = s.command.getDeclaredField(s.field);
			field.setAccessible(true);
			assertEquals(s.value, field.get(s.command.getDeclaredConstructor().newInstance()), s.command
				.getSimpleName() + "." + s.field);
		}
	}

	@Test
	void optionsBuildersStartFromTheDefaults() {
		final VaeConfig config = VaeConfig.builder().build();
		assertEquals(Defaults.TILE_SIZE, config.tileSize());
		assertEquals(Defaults.LATENT_DIM, config.latentDim());
		assertEquals(Defaults.FILTERS1, config.filters1());
		assertEquals(Defaults.FILTERS2, config.filters2());
		assertEquals(Defaults.BETA, config.beta());
		final TrainingOptions options = TrainingOptions.builder().build();
		assertEquals(Defaults.EPOCHS, options.epochs());
		assertEquals(Defaults.STEPS_PER_EPOCH, options.stepsPerEpoch());
		assertEquals(Defaults.BATCH_SIZE, options.batchSize());
		assertEquals(Defaults.VALIDATION_TILES, options.validationTiles());
		assertEquals(Defaults.LEARNING_RATE, options.learningRate());
		assertEquals(Defaults.PATIENCE, options.patience());
		assertEquals(Defaults.THREADS, options.threads());
		assertEquals(Defaults.SEED, options.seed());
		assertEquals(Defaults.FALSE_POSITIVE_RATE, options.falsePositiveRate());
		final SegmentationOptions segmentation = SegmentationOptions.defaults();
		assertEquals(Defaults.TEXTURE_CLASSES, segmentation.classes());
		assertEquals(Defaults.SMOOTHING, segmentation.smoothing());
		assertEquals(Defaults.SEED, segmentation.seed());
	}
}
