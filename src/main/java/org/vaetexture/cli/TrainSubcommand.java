package org.vaetexture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import net.imglib2.view.Views;

import org.vaetexture.AtomicFiles;
import org.vaetexture.Defaults;
import org.vaetexture.VaeTextureException;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.TrainingOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains a VAE on one or more images and writes the model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
	description = "Trains a VAE on the texture of one or more images and writes a model file.")
final class TrainSubcommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--input", required = true, paramLabel = "IMG",
		description = "Training image (TIFF, PNG, ...; stacks and channels allowed); repeat for several.")
	private List<Path> inputs;

	@Option(names = "--mask", paramLabel = "IMG",
		description = "Mask image per --input, in the same order (non-zero: tiles may be centred there).")
	private List<Path> masks = new ArrayList<>();

	@Option(names = "--model", required = true, paramLabel = "OUT.zip",
		description = "Model file to write.")
	private Path model;

	@Option(names = "--tile-size", paramLabel = "T", description = "Tile side in pixels, even, >= 8 (default: ${DEFAULT-VALUE}).")
	private int tileSize = Defaults.TILE_SIZE;

	@Option(names = "--latent-dim", paramLabel = "D", description = "Latent dimensions (default: ${DEFAULT-VALUE}).")
	private int latentDim = Defaults.LATENT_DIM;

	@Option(names = "--beta", description = "Weight of the KL term (default: ${DEFAULT-VALUE}).")
	private double beta = Defaults.BETA;

	@Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
	private int epochs = Defaults.EPOCHS;

	@Option(names = "--steps-per-epoch", paramLabel = "N", description = "Batches per epoch (default: ${DEFAULT-VALUE}).")
	private int stepsPerEpoch = Defaults.STEPS_PER_EPOCH;

	@Option(names = "--batch-size", paramLabel = "N", description = "Tiles per batch (default: ${DEFAULT-VALUE}).")
	private int batchSize = Defaults.BATCH_SIZE;

	@Option(names = "--learning-rate", paramLabel = "LR", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
	private double learningRate = Defaults.LEARNING_RATE;

	@Option(names = "--patience", paramLabel = "N",
		description = "Stop after N epochs without a better validation loss; 0 never stops early (default: ${DEFAULT-VALUE}).")
	private int patience = Defaults.PATIENCE;

	@Mixin
	private SharedOptions.Seed seed;

	@Option(names = "--false-positive-rate", paramLabel = "F",
		description = "Fraction of training pixels the novelty mask may flag (default: ${DEFAULT-VALUE}).")
	private double falsePositiveRate = Defaults.FALSE_POSITIVE_RATE;

	@Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: ${DEFAULT-VALUE}; 1 is fastest on 2 cores).")
	private int threads = Defaults.THREADS;

	@Override
	public Integer call() {
		final TrainingOptions options = TrainingOptions.builder().epochs(epochs).stepsPerEpoch(
			stepsPerEpoch).batchSize(batchSize).learningRate(learningRate).patience(patience).seed(
				seed.value).threads(threads).falsePositiveRate(falsePositiveRate).build();
		final VaeConfig.Builder architecture = VaeConfig.builder().tileSize(tileSize).latentDim(
			latentDim).beta(beta);
		AtomicFiles.requireTarget(model, "--model");
		if (!masks.isEmpty() && masks.size() != inputs.size()) throw new VaeTextureException(
			"give one --mask per --input (" + inputs.size() + " inputs, " + masks.size() + " masks)");
		final List<TextureImage> images = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			final TextureImage image = VaeTexture.open(inputs.get(i));
			images.add(masks.isEmpty() ? image : withMask(image, masks.get(i)));
		}
		final PrintWriter err = spec.commandLine().getErr();
		final ConsoleMonitor monitor = new ConsoleMonitor(err, "");
		final VaeModel trained = VaeTexture.train(images, architecture, options, monitor);
		monitor.done();
		VaeTexture.save(trained, model);
		err.println(String.format(Locale.ROOT, "wrote %s: %s, %d tiles in %.1f s (%.0f tiles/s)",
			model, trained.config(), trained.training().tilesSeen(), trained.training().seconds(),
			trained.training().tilesSeen() / trained.training().seconds()));
		return 0;
	}

	private static TextureImage withMask(final TextureImage image, final Path maskFile) {
		final TextureImage mask = VaeTexture.open(maskFile);
		if (mask.width() != image.width() || mask.height() != image.height() || mask.channels() != 1 ||
			mask.planes() != 1) throw new VaeTextureException("mask '" + maskFile + "' must be one " +
				image.width() + " x " + image.height() + " plane, like image '" + image.name() + "'");
		return image.withMask(Views.hyperSlice(Views.hyperSlice(mask.data(), 3, 0), 2, 0));
	}
}
