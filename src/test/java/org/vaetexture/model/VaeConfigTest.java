package org.vaetexture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import org.junit.jupiter.api.Test;

class VaeConfigTest {

	@Test
	void defaultsAreTheReferenceVae() {
		final VaeConfig c = VaeConfig.builder().build();
		assertEquals(32, c.tileSize());
		assertEquals(15, c.size1());
		assertEquals(7, c.size2());
		assertEquals(64 * 7 * 7, c.flatSize());
		assertEquals(8, c.decoderStart());
		assertEquals(31, c.receptiveField());
	}

	@Test
	void smallestTile() {
		final VaeConfig c = VaeConfig.builder().tileSize(8).build();
		assertEquals(1, c.size2());
		assertEquals(7, c.receptiveField());
	}

	@Test
	void invalidValuesSayWhatToChange() {
		assertMessage("tile size must be an even number", () -> VaeConfig.builder().tileSize(31).build());
		assertMessage("got 0", () -> VaeConfig.builder().tileSize(0).build());
		assertMessage("got 6", () -> VaeConfig.builder().tileSize(6).build());
		assertMessage("latent dim must be from 1", () -> VaeConfig.builder().latentDim(0).build());
		assertMessage("beta must be above 0", () -> VaeConfig.builder().beta(0).build());
		assertMessage("beta must be above 0", () -> VaeConfig.builder().beta(Double.NaN).build());
		assertMessage("channel count", () -> VaeConfig.builder().channels(0).build());
	}

	@Test
	void networksTooLargeForMemoryAreRefusedWhileTheLargestTileStillWorks() {
		assertMessage("3188904865 network parameters, more than the 67108864 allowed", () -> VaeConfig
			.builder().tileSize(512).latentDim(1024).build());
		assertTrue(VaeConfig.builder().tileSize(512).build().tileSize() == 512);
	}

	@Test
	void builderRoundTrip() {
		final VaeConfig c = VaeConfig.builder().tileSize(16).latentDim(3).beta(0.5).channels(3).build();
		assertEquals(c, c.toBuilder().build());
	}
}
