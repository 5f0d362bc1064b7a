package org.vaetexture.command;

import java.io.File;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.maps.Reconstruction;
import org.vaetexture.model.ModelFile;

/** Plugins > VAE Texture > Reconstruct: the VAE's reconstruction of the image and its error. */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Reconstruct", headless = true)
public class ReconstructTilesCommand extends VaeCommand {

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
		final Img<FloatType>[] result = guarded(() -> new Reconstruction(ModelFile.load(modelFile(
			model))).run(ImagePlusInput.of(image, false), progress("Reconstruct"), this::isCanceled));
		if (result == null) return;
		reconstruction = result[0];
		reconstruction_error = result[1];
	}
}
