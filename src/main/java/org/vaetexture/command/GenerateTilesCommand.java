package org.vaetexture.command;

import java.io.File;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.maps.TileGenerator;
import org.vaetexture.model.ModelFile;

/** Plugins > VAE Texture > Generate Tiles: tiles decoded from random latent codes. */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Generate Tiles", headless = true)
public class GenerateTilesCommand extends VaeCommand {

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(label = "Number of tiles", min = "1", persist = false)
	private int count = 16;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Generated tiles")
	private Img<FloatType> generated;

	@Override
	public void run() {
		generated = guarded(() -> TileGenerator.generate(ModelFile.load(modelFile(model)), count, seed));
	}
}
