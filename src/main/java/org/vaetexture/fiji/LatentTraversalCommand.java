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

/**
 * Plugins > VAE Texture > Latent Traversal: one row of decoded tiles per latent dimension, from -3
 * to +3 standard deviations of the training posteriors.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Latent Traversal", headless = true)
public class LatentTraversalCommand extends VaeCommand {

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(label = "Steps from -3 to +3 std", persist = false)
	private int steps = Defaults.TRAVERSAL_STEPS;

	@Parameter(type = ItemIO.OUTPUT, label = "Latent traversal")
	private Img<FloatType> traversal;

	@Override
	public void run() {
		traversal = guarded(() -> VaeTexture.traverse(VaeTexture.load(modelFile(model)), steps));
	}
}
