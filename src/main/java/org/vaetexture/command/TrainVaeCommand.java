package org.vaetexture.command;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.AtomicFiles;
import org.vaetexture.image.TextureImage;
import org.vaetexture.maps.NoveltyCalibration;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.Trainer;
import org.vaetexture.train.TrainingOptions;

/** Plugins > VAE Texture > Train VAE: trains on the image (tiles inside its area ROI, if any). */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Train VAE", headless = true)
public class TrainVaeCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file to write", style = "save", persist = false)
	private File model;

	@Parameter(label = "Tile size", min = "8", persist = false)
	private int tile_size = VaeConfig.DEFAULT_TILE_SIZE;

	@Parameter(label = "Latent dimensions", min = "1", persist = false)
	private int latent_dim = VaeConfig.DEFAULT_LATENT_DIM;

	@Parameter(label = "Beta (KL weight)", persist = false)
	private double beta = VaeConfig.DEFAULT_BETA;

	@Parameter(label = "Epochs", min = "1", persist = false)
	private int epochs = 10;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Model")
	private String model_path;

	@Parameter(type = ItemIO.OUTPUT, label = "Loss curve")
	private ImagePlus loss_curve;

	@Parameter(type = ItemIO.OUTPUT, label = "Training history")
	private String history;

	@Override
	public void run() {
		model_path = guarded(() -> {
			final Path file = modelFile(model);
			AtomicFiles.requireTarget(file, "model");
			final TextureImage input = ImagePlusInput.of(image, true);
			final VaeConfig config = VaeConfig.builder().tileSize(tile_size).latentDim(latent_dim).beta(
				beta).channels(input.channels()).build();
			final TrainingOptions options = TrainingOptions.builder().epochs(epochs).seed(seed).build();
			final VaeModel trained = new Trainer(config, options).train(List.of(input),
				p -> progress("Training VAE").accept(p.fraction()), this::isCanceled);
			final VaeModel calibrated = NoveltyCalibration.calibrate(trained, List.of(input),
				NoveltyCalibration.DEFAULT_FALSE_POSITIVE_RATE, progress("Calibrating novelty"),
				this::isCanceled);
			ModelFile.save(calibrated, file);
			loss_curve = LossCurve.plot(calibrated.history(), beta);
			history = LossCurve.table(calibrated.history());
			return file.toAbsolutePath().toString();
		});
	}
}
