/* Writes N float32 values drawn from a normal distribution (mean 0, sd 0.02, like initialised or trained
 * transformer weights) to stdout, reproducibly from a seed: xorshift64* and Box-Muller, no libraries. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;
static double uniform(void) {
    state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
    return ((state * 0x2545F4914F6CDD1DULL) >> 11) * (1.0 / 9007199254740992.0);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: gen_weights COUNT SEED\n"); return 2; }
    long long count = atoll(argv[1]);
    state = strtoull(argv[2], NULL, 10) * 0x9E3779B97F4A7C15ULL + 1;
    static float buffer[1 << 16];
    while (count > 0) {
        int n = count < (1 << 16) ? (int)count : (1 << 16);
        for (int i = 0; i < n; i += 2) {
            double u1 = uniform(), u2 = uniform();
            double r = sqrt(-2.0 * log(u1 + 1e-300)) * 0.02;
            buffer[i] = (float)(r * cos(6.283185307179586 * u2));
            if (i + 1 < n) buffer[i + 1] = (float)(r * sin(6.283185307179586 * u2));
        }
        fwrite(buffer, sizeof(float), n, stdout);
        count -= n;
    }
    return 0;
}
