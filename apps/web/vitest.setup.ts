import { useCheapPasswordHashing } from "@patronus/core/testing";

useCheapPasswordHashing();
