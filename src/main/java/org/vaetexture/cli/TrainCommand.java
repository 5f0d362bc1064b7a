package org.vaetexture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;
import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.TextureImage;
import org.vaetexture.maps.NoveltyCalibration;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.Trainer;
import org.vaetexture.train.TrainingOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: trains a VAE on one or more images and writes the model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
	description = "Trains a VAE on the texture of one or more images and writes a model file.")
final class TrainCommand implements Callable<Integer> {

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
	private int tileSize = VaeConfig.DEFAULT_TILE_SIZE;

	@Option(names = "--latent-dim", paramLabel = "D", description = "Latent dimensions (default: ${DEFAULT-VALUE}).")
	private int latentDim = VaeConfig.DEFAULT_LATENT_DIM;

	@Option(names = "--beta", description = "Weight of the KL term (default: ${DEFAULT-VALUE}).")
	private double beta = VaeConfig.DEFAULT_BETA;

	@Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
	private int epochs = 10;

	@Option(names = "--steps-per-epoch", paramLabel = "N", description = "Batches per epoch (default: ${DEFAULT-VALUE}).")
	private int stepsPerEpoch = 64;

	@Option(names = "--batch-size", paramLabel = "N", description = "Tiles per batch (default: ${DEFAULT-VALUE}).")
	private int batchSize = 64;

	@Option(names = "--learning-rate", paramLabel = "LR", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
	private double learningRate = 1e-3;

	@Option(names = "--patience", paramLabel = "N",
		description = "Stop after N epochs without a better validation loss; 0 never stops early (default: ${DEFAULT-VALUE}).")
	private int patience = 3;

	@Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
	private long seed = 1;

	@Option(names = "--false-positive-rate", paramLabel = "F",
		description = "Fraction of training pixels the novelty mask may flag (default: ${DEFAULT-VALUE}).")
	private double falsePositiveRate = NoveltyCalibration.DEFAULT_FALSE_POSITIVE_RATE;

	@Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: ${DEFAULT-VALUE}; 1 is fastest on 2 cores).")
	private int threads = 1;

	@Override
	public Integer call() {
		final TrainingOptions options = TrainingOptions.builder().epochs(epochs).stepsPerEpoch(
			stepsPerEpoch).batchSize(batchSize).learningRate(learningRate).patience(patience).seed(seed)
			.threads(threads).build();
		AtomicFiles.requireTarget(model, "--model");
		if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) throw new VaeTextureException(
			"--false-positive-rate must be between 0 and 1, got " + falsePositiveRate);
		if (!masks.isEmpty() && masks.size() != inputs.size()) throw new VaeTextureException("give one --mask per --input (" +
			inputs.size() + " inputs, " + masks.size() + " masks)");
		final List<TextureImage> images = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			final TextureImage image = ImageFiles.open(inputs.get(i));
			images.add(masks.isEmpty() ? image : withMask(image, masks.get(i)));
		}
		final VaeConfig config = VaeConfig.builder().tileSize(tileSize).latentDim(latentDim).beta(beta)
			.channels(images.get(0).channels()).build();
		final PrintWriter err = spec.commandLine().getErr();
		final ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
		final VaeModel trained = new Trainer(config, options).train(images, progress, () -> false);
		final MapProgress calibration = new MapProgress(err, System.console() != null,
			"calibrating novelty on the training images");
		final VaeModel calibrated = NoveltyCalibration.calibrate(trained, images, falsePositiveRate,
			calibration, () -> false);
		calibration.done("calibration");
		ModelFile.save(calibrated, model);
		err.println(String.format(Locale.ROOT, "wrote %s: %s, %d tiles in %.1f s (%.0f tiles/s)",
			model, config, trained.training().tilesSeen(), trained.training().seconds(), trained
				.training().tilesSeen() / trained.training().seconds()));
		return 0;
	}

	private static TextureImage withMask(final TextureImage image, final Path maskFile) {
		final TextureImage mask = ImageFiles.open(maskFile);
		if (mask.width() != image.width() || mask.height() != image.height() || mask.channels() != 1 ||
			mask.planes() != 1) throw new VaeTextureException("mask '" + maskFile + "' must be one " +
				image.width() + " x " + image.height() + " plane, like image '" + image.name() + "'");
		return image.withMask(net.imglib2.view.Views.hyperSlice(net.imglib2.view.Views.hyperSlice(mask
			.data(), 3, 0), 2, 0));
	}
}
