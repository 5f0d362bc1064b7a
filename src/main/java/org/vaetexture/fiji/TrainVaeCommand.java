package org.vaetexture.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.AtomicFiles;
import org.vaetexture.Defaults;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.TrainingOptions;

/** Plugins > VAE Texture > Train VAE: trains on the image (tiles inside its area ROI, if any). */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Train VAE", headless = true)
public class TrainVaeCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file to write", style = "save", persist = false)
	private File model;

	@Parameter(label = "Tile size", persist = false)
	private int tile_size = Defaults.TILE_SIZE;

	@Parameter(label = "Latent dimensions", persist = false)
	private int latent_dim = Defaults.LATENT_DIM;

	@Parameter(label = "Beta (KL weight)", persist = false)
	private double beta = Defaults.BETA;

	@Parameter(label = "Epochs", persist = false)
	private int epochs = Defaults.EPOCHS;

	@Parameter(label = "Seed", persist = false)
	private long seed = Defaults.SEED;

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
			final VaeModel trained = VaeTexture.train(List.of(ImagePlusInput.of(image, true)), VaeConfig
				.builder().tileSize(tile_size).latentDim(latent_dim).beta(beta), TrainingOptions.builder()
					.epochs(epochs).seed(seed).build(), monitor());
			VaeTexture.save(trained, file);
			loss_curve = LossCurve.plot(trained.history(), beta);
			history = LossCurve.table(trained.history());
			return file.toAbsolutePath().toString();
		});
	}
}
