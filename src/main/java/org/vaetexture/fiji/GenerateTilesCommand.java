package org.vaetexture.fiji;

import java.io.File;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.Defaults;
import org.vaetexture.api.VaeTexture;

/** Plugins > VAE Texture > Generate Tiles: tiles decoded from random latent codes. */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Generate Tiles", headless = true)
public class GenerateTilesCommand extends VaeCommand {

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(label = "Number of tiles", persist = false)
	private int count = Defaults.GENERATED_TILES;

	@Parameter(label = "Seed", persist = false)
	private long seed = Defaults.SEED;

	@Parameter(type = ItemIO.OUTPUT, label = "Generated tiles")
	private Img<FloatType> generated;

	@Override
	public void run() {
		generated = guarded(() -> VaeTexture.generate(VaeTexture.load(modelFile(model)), count, seed));
	}
}
