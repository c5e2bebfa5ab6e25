package stipanel.enterprises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import stipanel.ingest.Uscc;

/** The credit codes the enterprise samples are written with: valid, except the two broken on purpose. */
class EnterpriseSampleCodesTest {

    @Test
    void theSampleCodesAreValidAndTheBrokenOnesAreNot() {
        for (String code : List.of(EnterpriseSamples.A, EnterpriseSamples.B, EnterpriseSamples.C, EnterpriseSamples.D,
                EnterpriseSamples.E, EnterpriseSamples.F, EnterpriseSamples.G, EnterpriseSamples.H, EnterpriseSamples.I,
                EnterpriseSamples.J, EnterpriseSamples.K, EnterpriseSamples.L, EnterpriseSamples.M)) {
            assertTrue(Uscc.isValid(code), code);
        }
        assertFalse(Uscc.isValid(EnterpriseSamples.BAD_CHECK));
        assertFalse(Uscc.isValid(EnterpriseSamples.BAD_ORGANISATION));
        assertEquals("91330922MA2H1A017G", EnterpriseSamples.A);
    }
}
