package org.vaetexture.cli;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.Defaults;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate}: tiles decoded from z ~ N(0, I), a tile stack. */
@Command(name = "generate", mixinStandardHelpOptions = true,
	description = "Writes a stack of tiles decoded from random latent codes z ~ N(0, I), in image units.")
final class GenerateSubcommand extends DecoderSubcommand {

	@Option(names = "--count", paramLabel = "N", description = "Tiles (default: ${DEFAULT-VALUE}).")
	private int count = Defaults.GENERATED_TILES;

	@Mixin
	private SharedOptions.Seed seed;

	@Override
	Img<FloatType> compute(final VaeModel m) {
		return VaeTexture.generate(m, count, seed.value);
	}
}
