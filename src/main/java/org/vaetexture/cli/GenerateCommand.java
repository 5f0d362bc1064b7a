package org.vaetexture.cli;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.maps.TileGenerator;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: tiles decoded from z ~ N(0, I), a tile stack. */
@Command(name = "generate", mixinStandardHelpOptions = true,
	description = "Writes a stack of tiles decoded from random latent codes z ~ N(0, I), in image units.")
final class GenerateCommand extends DecoderCommand {

	@Option(names = "--count", paramLabel = "N", description = "Tiles (default: ${DEFAULT-VALUE}).")
	private int count = 16;

	@Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
	private long seed = 1;

	@Override
	Img<FloatType> compute(final VaeModel m) {
		return TileGenerator.generate(m, count, seed);
	}
}
