package org.vaetexture.fiji;

import java.io.File;

import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.decode.Reconstructed;

/** Plugins > VAE Texture > Reconstruct: the VAE's reconstruction of the image and its error. */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Reconstruct", headless = true)
public class ReconstructCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(type = ItemIO.OUTPUT, label = "Reconstruction")
	private Img<FloatType> reconstruction;

	@Parameter(type = ItemIO.OUTPUT, label = "Reconstruction error")
	private Img<FloatType> reconstruction_error;

	@Override
	public void run() {
		final Reconstructed result = guarded(() -> VaeTexture.reconstruct(VaeTexture.load(modelFile(
			model)), ImagePlusInput.of(image, false), monitor()));
		if (result == null) return;
		reconstruction = result.image();
		reconstruction_error = result.error();
	}
}
